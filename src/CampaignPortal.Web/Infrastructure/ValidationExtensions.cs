using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CampaignPortal.Web.Infrastructure;

public static class ValidationExtensions
{
    /// <summary>Runs the validator explicitly (no auto-validation) and copies its errors into ModelState.</summary>
    public static async Task<bool> ValidateIntoAsync<T>(
        this IValidator<T> validator, T input, ModelStateDictionary modelState, CancellationToken cancellationToken = default)
    {
        var result = await validator.ValidateAsync(input, cancellationToken);
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }

        return result.IsValid && modelState.IsValid;
    }
}
