using System.Net;

namespace CampaignPortal.IntegrationTests.Infrastructure;

/// <summary>The browser-free steps of making a campaign and its notice, shared by the campaign, notice and receipt tests.</summary>
public static class CampaignSteps
{
    public static async Task<int> CreateCampaignAsync(PortalClient client, string title)
    {
        var response = await client.PostFormAsync("/campaigns/create", CampaignFields(title), "/campaigns/create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Redirects.CreatedId(response);
    }

    public static async Task<int> CreateNoticeAsync(PortalClient client, int campaignId, string title, int issuerId, string[] mainKinds, string body = "一、活动时间\n二、活动内容")
    {
        var response = await client.PostFormAsync($"/campaigns/{campaignId}/notices/create", NoticeFields(title, issuerId, mainKinds, body), $"/campaigns/{campaignId}/notices/create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Redirects.CreatedId(response);
    }

    public static Dictionary<string, string> CampaignFields(string title, string deadline = "2026-06-15") => new()
    {
        ["Year"] = "2026",
        ["Title"] = title,
        ["Theme"] = "热爱科学 崇尚科学",
        ["PeriodStart"] = "2026-05-20",
        ["PeriodEnd"] = "2026-05-31",
        ["ReportDeadline"] = deadline,
        ["Sections"] = "基本情况|组织与开展情况|必填\n活动亮点||必填",
        ["Materials"] = "统计表||必填",
        ["Indicators"] = "activities|举办活动|次|整数|必填||已举办活动数\nparticipants|参与人数|人次\nscientists|参与科技工作者|人次\nboards|展板|块|整数|选填|发放资料\nbooks|读本|册|整数|选填|发放资料\nleaflets|宣传页|份|整数|选填|发放资料\nmedia|媒体报道|篇\nfunds|投入经费|万元|小数",
    };

    public static Dictionary<string, string> NoticeFields(string title, int issuerId, string[] mainKinds, string body = "一、活动时间")
    {
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = "Notice",
            ["Title"] = title,
            ["IssuerIds[0]"] = issuerId.ToString(),
            ["MainRecipientsText"] = "各区科协",
            ["Body"] = body,
            ["DocumentDate"] = "2026-05-04",
            ["IsPublic"] = "true",
            ["ContactNames"] = "刘强",
            ["ContactPhones"] = "0990-0000000",
        };
        for (var i = 0; i < mainKinds.Length; i++)
        {
            fields[$"MainAddresseeKinds[{i}]"] = mainKinds[i];
        }

        return fields;
    }

    /// <summary>Creates a campaign with a notice to the given kinds of child units and publishes it.</summary>
    public static async Task<int> PublishedNoticeAsync(PortalClient client, int issuerId, string title, string[] mainKinds)
    {
        var campaignId = await CreateCampaignAsync(client, title + "（活动）");
        var noticeId = await CreateNoticeAsync(client, campaignId, title, issuerId, mainKinds);
        var publish = await client.PostFormAsync($"/notices/{noticeId}/publish", new Dictionary<string, string>(), $"/notices/{noticeId}/publish");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        return noticeId;
    }
}
