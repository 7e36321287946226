import { Injectable } from '@nestjs/common';
import { Actor } from '../common/graphql-context';
import { EvidenceGrantsService } from '../core/evidence/evidence-grants.service';
import { EvidenceLinksService } from '../core/evidence/evidence-links.service';
import { EvidenceService } from '../core/evidence/evidence.service';
import { NewEvidence } from '../core/evidence/evidence.validation';
import { ProposalsService } from '../core/proposals/proposals.service';
import { SuggestionsService } from '../core/proposals/suggestions.service';
import { UserEntity } from '../core/users/user.entity';
import { DEMO_PROPOSAL } from './proposals-demo';

/** A made-up mobile number in a valid format, so the demo shows masking (139****5678). */
export const DEMO_FAKE_MOBILE = '13912345678';

/**
 * The evidence of the story (../shared/context/DOMAIN.md), recorded by 陈芳: the training outcomes
 * (public), the first school-based social work station in Fujian (internal) and two anonymised case
 * narratives of migrant mothers (restricted, consent recorded).
 */
export const DEMO_EVIDENCE: (NewEvidence & { links: number[] })[] = [
  {
    title: '“三社联动”项目免费职业技能培训：家政、美容、电工、推拿',
    narrative:
      '2020年以来，依托市级“三社联动”项目，面向城乡结合部流动妇女常态化开设家政、美容、电工、推拿等免费职业技能培训课程，' +
      '协调人社部门开展职业资格认证，并向用人单位推荐就业。累计2000余人次参加培训，58名失业妇女经人社部门认证取得职业资格证书并实现就业。',
    dateFrom: '2020-01-01',
    dateTo: '2021-12-31',
    town: '鼓山镇',
    populations: ['migrant_women', 'women_in_difficulty'],
    themes: ['women_economy', '职业技能培训', '三社联动'],
    sourceType: 'service_record',
    figures: [
      { label: '参加免费职业技能培训', value: 2000, unit: '人次以上', period: '2020—2021' },
      { label: '取得职业资格证书并就业的失业妇女', value: 58, unit: '人', period: '2020—2021' },
    ],
    sensitivity: 'public',
    aboutIdentifiablePeople: false,
    status: 'published',
    links: [1, 2],
  },
  {
    title: '福建省首个校园社工站在流动儿童学校设立',
    narrative:
      '2013年3月，福建省首个校园社工站在晋安区红光园小学（流动儿童为主的学校）设立。社工开展课堂支持、小组活动和家访，' +
      '缓解了教师的班级管理压力，学生流失率明显下降，服务逐步延伸到流动儿童的家庭。',
    dateFrom: '2013-03-01',
    populations: ['migrant_children'],
    themes: ['children_education', 'children_family', '校园社工'],
    sourceType: 'service_record',
    sensitivity: 'internal',
    aboutIdentifiablePeople: false,
    status: 'published',
    links: [1, 3],
  },
  {
    title: '个案：流动母亲打零工、收入不稳定',
    narrative:
      'L女士，36岁，初中未毕业，随丈夫从外省来晋安区务工，育有三个孩子。她在附近小作坊打零工，按件计酬，没有劳动合同，' +
      '旺季每天工作十小时以上，淡季常常没有活干。孩子放学后无人照看，大女儿成绩下滑。社工上门时她留下的联系电话为' +
      `${DEMO_FAKE_MOBILE}。参加家政培训后，她希望取得证书、找到稳定的工作。`,
    dateFrom: '2021-04-12',
    town: '鼓山镇',
    community: '茶会社区',
    populations: ['migrant_women', 'women_in_difficulty'],
    themes: ['women_economy', 'women_social_security', '非正规就业'],
    sourceType: 'case_note',
    sensitivity: 'restricted',
    aboutIdentifiablePeople: true,
    consent: { obtained: true, obtainedBy: '陈芳', obtainedOn: '2021-04-12', scope: '匿名后用于政策建议和内部研究', expiresOn: '2031-04-11' },
    status: 'published',
    links: [1],
  },
  {
    title: '个案：单亲流动母亲无暇照看孩子',
    narrative:
      'W女士，32岁，小学文化，离异后独自带两个孩子在茶会社区租房。她在餐馆做临时帮工，收入不固定，常需加班。' +
      '小女儿小雨放学后独自在家，曾多次走失。社区社工为小雨链接课后托管服务，并为W女士转介免费职业技能培训。',
    dateFrom: '2021-06-03',
    town: '鼓山镇',
    community: '茶会社区',
    populations: ['migrant_women', 'single_mothers', 'migrant_children'],
    themes: ['women_social_security', 'children_family', '课后托管'],
    sourceType: 'case_file',
    sensitivity: 'restricted',
    aboutIdentifiablePeople: true,
    consent: { obtained: true, obtainedBy: '陈芳', obtainedOn: '2021-06-03', scope: '匿名后用于政策建议', expiresOn: null },
    markedNames: ['小雨'],
    status: 'published',
    links: [1],
  },
];

function actorFor(user: UserEntity): Actor {
  return { userId: user.id, sessionId: 'demo-seed', role: user.role, organizationId: user.organizationId, displayName: user.displayName };
}

@Injectable()
export class EvidenceDemoSeeder {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly grants: EvidenceGrantsService,
    private readonly links: EvidenceLinksService,
    private readonly proposals: ProposalsService,
    private readonly suggestions: SuggestionsService,
  ) {}

  /**
   * 陈芳 records the evidence and grants 张洁 read access to the case narratives; 张洁 links all of it
   * to the story's proposal (its first suggestion, and the suggestion each record supports). Her
   * co-author 林晓燕 then sees the case narratives as placeholders.
   */
  async seed(people: { contributor: UserEntity; owner: UserEntity; districtId: string }): Promise<number> {
    const contributor = actorFor(people.contributor);
    const owner = actorFor(people.owner);
    const { nodes } = await this.proposals.list(owner, 10, null, { text: DEMO_PROPOSAL.title.slice(0, 20) });
    const proposal = nodes.find((p) => p.title === DEMO_PROPOSAL.title);
    const [suggestions] = proposal ? await this.suggestions.byProposalIds([proposal.id]) : [[]];
    for (const { links, ...input } of DEMO_EVIDENCE) {
      const { record } = await this.evidence.create(contributor, { ...input, districtId: people.districtId });
      if (!proposal) continue;
      if (record.sensitivity === 'restricted') {
        await this.grants.grant(contributor, { evidenceId: record.id, userId: people.owner.id, level: 'read' });
      }
      for (const number of links) {
        const suggestion = suggestions.find((s) => s.number === number);
        if (suggestion) {
          await this.links.link(owner, { evidenceId: record.id, proposalId: proposal.id, suggestionId: suggestion.id, note: linkNote(input.sourceType) });
        }
      }
    }
    return DEMO_EVIDENCE.length;
  }
}

function linkNote(sourceType: string): string {
  return sourceType === 'service_record' ? '服务成效数据，说明购买服务的效果' : '个案说明流动妇女的实际困境';
}
