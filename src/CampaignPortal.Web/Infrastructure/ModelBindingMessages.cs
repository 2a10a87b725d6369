using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace CampaignPortal.Web.Infrastructure;

/// <summary>MVC's model-binding errors in Chinese (they appear when a field cannot be converted at all).</summary>
public static class ModelBindingMessages
{
    public static void UseChinese(DefaultModelBindingMessageProvider provider)
    {
        provider.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的值。");
        provider.SetMissingBindRequiredValueAccessor(field => "此项为必填项。");
        provider.SetMissingKeyOrValueAccessor(() => "此项为必填项。");
        provider.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        provider.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
        provider.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效。");
        provider.SetNonPropertyValueMustBeANumberAccessor(() => "此项须填写数字。");
        provider.SetUnknownValueIsInvalidAccessor(field => "填写的值无效。");
        provider.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
        provider.SetValueMustBeANumberAccessor(field => "此项须填写数字。");
        provider.SetValueMustNotBeNullAccessor(value => "此项为必填项。");
    }
}
