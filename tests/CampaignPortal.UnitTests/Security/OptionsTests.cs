using CampaignPortal.Web.Data;
using CampaignPortal.Web.Data.Seeding;
using CampaignPortal.Web.Infrastructure;
using CampaignPortal.Web.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CampaignPortal.UnitTests.Security;

public sealed class OptionsTests
{
    [Theory]
    [InlineData("Production", null, true)]
    [InlineData("Staging", null, true)]
    [InlineData("Development", null, false)]
    [InlineData("Production", "false", false)]
    [InlineData("Development", "true", true)]
    public void RequireHttps_DefaultsToEverywhereButDevelopment(string environment, string? configured, bool expected)
    {
        var options = SecurityOptions.From(Config(("Security:RequireHttps", configured)), new Env(environment));

        Assert.Equal(expected, options.RequireHttps);
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    public void DemoSeed_OnlyInDevelopmentUnlessConfigured(string environment, string? configured, bool expected)
    {
        Assert.Equal(expected, SeedOptions.From(Config(("Seed:Demo", configured)), new Env(environment)).Demo);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, null, true)]
    [InlineData(DatabaseProvider.SqlServer, null, false)]
    [InlineData(DatabaseProvider.SqlServer, true, true)]
    [InlineData(DatabaseProvider.Sqlite, false, false)]
    public void MigrateOnStartup_DefaultsToSqliteOnly(DatabaseProvider provider, bool? configured, bool expected)
    {
        Assert.Equal(expected, new DatabaseOptions { Provider = provider, MigrateOnStartup = configured }.ShouldMigrateOnStartup);
    }

    [Fact]
    public void OneTimePassword_AlwaysSatisfiesThePolicy()
    {
        for (var i = 0; i < 500; i++)
        {
            var password = OneTimePassword.Generate();
            Assert.True(password.Length >= 8);
            Assert.Contains(password, char.IsAsciiDigit);
            Assert.Contains(password, char.IsAsciiLetterLower);
        }
    }

    [Fact]
    public void Roles_EveryRole_HasAChineseName()
    {
        Assert.All(Roles.All, r => Assert.DoesNotMatch("[A-Za-z]", Roles.ToChinese(r)));
    }

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "CampaignPortal.Web";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
