using CampaignPortal.Web.Domain;

namespace CampaignPortal.UnitTests.Domain;

public sealed class FigureParserTests
{
    [Theory]
    [InlineData("150", IndicatorValueType.Whole, 15000L)]
    [InlineData("1,234", IndicatorValueType.Whole, 123400L)]
    [InlineData("１５０", IndicatorValueType.Whole, 15000L)]
    [InlineData("１，２３４", IndicatorValueType.Whole, 123400L)]
    [InlineData(" 12 ", IndicatorValueType.Whole, 1200L)]
    [InlineData("1 234", IndicatorValueType.Whole, 123400L)]
    [InlineData("15万", IndicatorValueType.Whole, 150000L * 100)]
    [InlineData("1.5万", IndicatorValueType.Whole, 15000L * 100)]
    [InlineData("12.5", IndicatorValueType.Fractional, 1250L)]
    [InlineData("12.25", IndicatorValueType.Fractional, 1225L)]
    [InlineData("１２．５", IndicatorValueType.Fractional, 1250L)]
    [InlineData("1,234.5", IndicatorValueType.Fractional, 123450L)]
    [InlineData("2147483647", IndicatorValueType.Whole, 214748364700L)]
    [InlineData("+5", IndicatorValueType.Whole, 500L)]
    [InlineData("0", IndicatorValueType.Whole, 0L)]
    public void Parse_AcceptedInput_ReturnsHundredths(string input, IndicatorValueType type, long hundredths)
    {
        var result = FigureParser.Parse(input, type);

        Assert.Null(result.Error);
        Assert.Equal(hundredths, result.Hundredths);
        Assert.False(result.IsEmpty);
    }

    [Theory]
    [InlineData("-5", IndicatorValueType.Whole)]
    [InlineData("－5", IndicatorValueType.Whole)]
    [InlineData("−5", IndicatorValueType.Whole)]
    [InlineData("-5万", IndicatorValueType.Whole)]
    [InlineData("2147483648", IndicatorValueType.Whole)]
    [InlineData("214749万", IndicatorValueType.Whole)]
    [InlineData("1e3", IndicatorValueType.Whole)]
    [InlineData("1E3", IndicatorValueType.Whole)]
    [InlineData("NaN", IndicatorValueType.Fractional)]
    [InlineData("Infinity", IndicatorValueType.Fractional)]
    [InlineData("abc", IndicatorValueType.Whole)]
    [InlineData("万", IndicatorValueType.Whole)]
    [InlineData("3.5", IndicatorValueType.Whole)]
    [InlineData("12.345", IndicatorValueType.Fractional)]
    [InlineData("1,2,3", IndicatorValueType.Whole)]
    [InlineData("12,34", IndicatorValueType.Whole)]
    [InlineData(",123", IndicatorValueType.Whole)]
    [InlineData(".5", IndicatorValueType.Fractional)]
    [InlineData("5.", IndicatorValueType.Fractional)]
    [InlineData("1..2", IndicatorValueType.Fractional)]
    [InlineData("99999999999999999999999", IndicatorValueType.Whole)]
    public void Parse_RefusedInput_ReturnsChineseError(string input, IndicatorValueType type)
    {
        var result = FigureParser.Parse(input, type);

        Assert.Null(result.Hundredths);
        Assert.NotNull(result.Error);
        Assert.Contains(result.Error, c => c >= '\u4e00' && c <= '\u9fff');
        Assert.False(result.IsEmpty);
    }

    [Fact]
    public void Parse_FullWidthMinus_NormalisesToHyphenAndIsRefusedAsNegative()
    {
        Assert.Equal("-5", "－5".Normalize(System.Text.NormalizationForm.FormKC));

        var result = FigureParser.Parse("－5", IndicatorValueType.Whole);

        Assert.Equal("不能填写负数。", result.Error);
    }

    [Fact]
    public void Parse_Exponent_ExplainsScientificNotation()
    {
        var result = FigureParser.Parse("1e3", IndicatorValueType.Whole);

        Assert.Equal("请直接填写数字，不要使用科学计数法（如 1e3）。", result.Error);
    }

    [Fact]
    public void Parse_FractionForWholeIndicator_AsksForWholeNumber()
    {
        var result = FigureParser.Parse("3.5", IndicatorValueType.Whole);

        Assert.Equal("本项须填写整数。", result.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    [InlineData("\u3000")]
    public void Parse_EmptyOrWhitespace_IsEmpty(string? input)
    {
        var result = FigureParser.Parse(input, IndicatorValueType.Whole);

        Assert.True(result.IsEmpty);
        Assert.Null(result.Hundredths);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData(15000L, FigureQualifier.MoreThan, "幅", "150余幅")]
    [InlineData(10000L, FigureQualifier.Nearly, "次", "近100次")]
    [InlineData(15000000L, FigureQualifier.Exact, "人次", "150,000人次")]
    [InlineData(350L, FigureQualifier.About, "万元", "约3.5万元")]
    [InlineData(123456L, FigureQualifier.Exact, "万元", "1,234.56万元")]
    public void Display_Qualifier_WordsTheFigureInChinese(long hundredths, FigureQualifier qualifier, string unit, string expected)
    {
        Assert.Equal(expected, FigureFormat.Display(hundredths, qualifier, unit));
    }

    [Theory]
    [InlineData(1250L, "12.5")]
    [InlineData(15000L, "150")]
    [InlineData(1225L, "12.25")]
    [InlineData(123400L, "1234")]
    [InlineData(0L, "0")]
    public void Plain_Hundredths_IsTheNumberAsTyped(long hundredths, string expected)
    {
        Assert.Equal(expected, FigureFormat.Plain(hundredths));
    }

    [Fact]
    public void FigureValue_DisplayAndValue_UseHundredths()
    {
        var figure = new FigureValue("participants", 15000, FigureQualifier.MoreThan, "  据不完全统计 ", FigureSource.Manual);

        Assert.Equal(150m, figure.Value);
        Assert.Equal("150余人", figure.Display("人"));
        Assert.Equal("据不完全统计", figure.Note);
    }
}
