using CampaignPortal.Web.Features.Selections;

namespace CampaignPortal.UnitTests.Features;

public sealed class ObjectionInputValidatorTests
{
    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("19912345678", true)]
    [InlineData("0991-1234567", true)]
    [InlineData("010-12345678", true)]
    [InlineData("09911234567", true)]
    [InlineData("010-12345678-801", true)]
    [InlineData("12345678901", false)] // no mobile begins with 12
    [InlineData("1381234567", false)] // ten digits
    [InlineData("1234567", false)] // no area code
    [InlineData("+86 13812345678", false)]
    [InlineData("abc", false)]
    public void ChinesePhone_MobileOrLandlineWithAreaCode(string phone, bool valid) => Assert.Equal(valid, ChinesePhone.IsValid(phone));

    [Fact]
    public void Validate_Empty_EveryRequiredFieldHasAChineseMessage()
    {
        var result = new ObjectionInputValidator().Validate(new ObjectionInput());
        Assert.Equal(["Grounds", "Name", "Phone", "Target", "Unit"], result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
        Assert.Contains(result.Errors, e => e.ErrorMessage == "请填写您的真实姓名。");
    }

    [Fact]
    public void Validate_TooLongGroundsAndBadPhone_Refused()
    {
        var result = new ObjectionInputValidator().Validate(new ObjectionInput
        {
            Name = "李四",
            Unit = "新疆大学",
            Phone = "12345",
            Target = 0,
            Grounds = new string('字', ObjectionInput.GroundsMaxLength + 1),
        });
        Assert.Contains(result.Errors, e => e.PropertyName == "Phone" && e.ErrorMessage.Contains("正确的手机号码", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.PropertyName == "Grounds" && e.ErrorMessage.Contains("不能超过 2000 个字", StringComparison.Ordinal));
    }
}
