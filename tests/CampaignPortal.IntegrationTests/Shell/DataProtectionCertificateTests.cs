using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CampaignPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.IntegrationTests.Shell;

/// <summary>With <c>DataProtection:CertificatePath</c> set, the keys in the database are encrypted with the certificate and sign-in still works.</summary>
public sealed class DataProtectionCertificateTests(DataProtectionCertificateTests.CertificatePortal factory) : IClassFixture<DataProtectionCertificateTests.CertificatePortal>
{
    public sealed class CertificatePortal : PortalFactory
    {
        public string CertificatePath { get; } = Path.Combine(Path.GetTempPath(), $"cp-keys-{Guid.NewGuid():N}.pfx");

        public CertificatePortal()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=CampaignPortal data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
            File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, "test-pfx-password"));
        }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DataProtection:CertificatePath", CertificatePath);
            builder.UseSetting("DataProtection:CertificatePassword", "test-pfx-password");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            File.Delete(CertificatePath);
        }
    }

    [Fact]
    public async Task KeysAreEncryptedWithTheCertificate_AndSessionsWork()
    {
        using var client = await factory.SignedInAsync("hami.filer@demo.local");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/filer")).StatusCode);

        var keys = await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal); // the master key in clear
        });
    }
}
