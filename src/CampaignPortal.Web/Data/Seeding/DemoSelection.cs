using CampaignPortal.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CampaignPortal.Web.Data.Seeding;

/// <summary>
/// 2022年“新疆最美科技工作者”, shaped like the seed summary: 129 candidates nominated by the prefectures over five
/// discipline groups (29 + 27 + 26 + 24 + 23; each group recommends 2/5 rounded half up → 12 + 11 + 10 + 10 + 9 = 52),
/// all past the eligibility check, expert1 and expert2 on the panel of the first round, which is open. The later
/// rounds (复评会议 → 42, 终评会议 → 20 当选 + 10 向全国推荐) are left for the demo. Names are generated.
/// </summary>
public sealed partial class DemoCampaigns
{
    private static readonly (string Group, int Size, string Field)[] SelectionGroups =
    [
        ("农业与生态组", 29, "棉花育种、节水灌溉和荒漠化防治"),
        ("医疗卫生组", 27, "包虫病防治和基层医疗"),
        ("能源与工程组", 26, "油气勘探、风电和电网建设"),
        ("教育与基础研究组", 24, "高校教学和基础研究"),
        ("科普与企业创新组", 23, "科学普及和企业技术创新"),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "罗", "郑"];

    private static readonly string[] GivenNames = ["建国", "海燕", "志强", "丽娜", "文博", "晓梅", "国庆", "红霞", "新民", "雪莲", "天山", "玉兰", "振华", "春梅", "立新", "秀英", "卫东", "静", "明", "磊"];

    private async Task WorkersDaySelectionAsync(Campaign campaign, Dictionary<string, Organisation> org, List<int> prefectures, CancellationToken cancellationToken)
    {
        var selection = new Selection(campaign.Id, campaign.OrganisationId, new SelectionDetails(
            "2022年“新疆最美科技工作者”",
            "经各地（州、市）、各学会、各有关单位组织推选，由评选专家组分学科组推荐进入复评，复评会议推选进入终评，终评会议确定“新疆最美科技工作者”和向全国推选的候选人。",
            "在新疆工作、热爱祖国、科研或一线服务成绩突出、在本领域有较大影响的科技工作者。",
            new DateOnly(2022, 4, 15), new DateOnly(2022, 5, 10), 10), Now);
        var groups = SelectionGroups.Select(g => selection.AddGroup(g.Group)).ToList();
        db.Selections.Add(selection);
        await db.SaveChangesAsync(cancellationToken);

        var nominations = new List<Nomination>();
        var n = 0;
        for (var g = 0; g < SelectionGroups.Length; g++)
        {
            for (var i = 0; i < SelectionGroups[g].Size; i++, n++)
            {
                var unit = prefectures[n % prefectures.Count];
                var name = Surnames[n % Surnames.Length] + GivenNames[(n * 7 + g) % GivenNames.Length];
                var nomination = new Nomination(selection.Id, unit, new CandidateDetails(name, n % 3 == 1 ? Gender.Female : Gender.Male, 1962 + n % 28,
                    org.Values.First(o => o.Id == unit).ShortName.Replace("科协", "", StringComparison.Ordinal) + (g == 1 ? "人民医院" : "农业技术推广中心"),
                    n % 2 == 0 ? "研究员" : "高级工程师", groups[g].Id,
                    $"<p>长期扎根基层，从事{SelectionGroups[g].Field}工作，取得了显著成绩。</p>", "同意推荐。"), Now);
                nomination.Submit(Now);
                nomination.Pass(Now);
                nominations.Add(nomination);
            }
        }

        db.Nominations.AddRange(nominations);
        var experts = new List<SelectionExpert>();
        foreach (var email in new[] { "EXPERT1@DEMO.LOCAL", "EXPERT2@DEMO.LOCAL" })
        {
            var userId = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).SingleAsync(cancellationToken);
            experts.Add(new SelectionExpert(selection.Id, userId, null, Now));
        }

        db.SelectionExperts.AddRange(experts);
        await db.SaveChangesAsync(cancellationToken);

        // The first round is open for a fortnight from today, so the demo can vote.
        var due = Infrastructure.ChinaTime.EndOfDayUtc(Infrastructure.ChinaTime.Today(clock).AddDays(14));
        db.SelectionRounds.Add(SelectionRound.VoteRound(selection.Id, 1, "初评（分学科组推荐）", true, due, new CutOff(CutOffRule.FractionPerGroup, 0, 2, 5),
            nominations.Select(x => (x.Id, x.GroupId)), experts.Select(e => e.Id), Now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
