namespace CampaignPortal.Web.Features.Selections;

/// <summary>What a new round's form suggests for scoring: the criteria most 科协 awards use.</summary>
public static class ScoringDefaults
{
    public static List<CriterionInput> Criteria() =>
        [new() { Name = "创新性", Weight = "40" }, new() { Name = "贡献", Weight = "40" }, new() { Name = "社会影响", Weight = "20" }];
}
