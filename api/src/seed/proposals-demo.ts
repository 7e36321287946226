import { Injectable } from '@nestjs/common';
import { Actor } from '../common/graphql-context';
import { ProposalMembersService } from '../core/proposals/proposal-members.service';
import { ProposalWorkflowService } from '../core/proposals/proposal-workflow.service';
import { ProposalsService } from '../core/proposals/proposals.service';
import { SuggestionsService } from '../core/proposals/suggestions.service';
import { UserEntity } from '../core/users/user.entity';

/** The day the story's proposal reached the district (the article gives no day; its program came in June 2022). */
export const STORY_SUBMITTED_ON = '2021-12-15';

/** The story's proposal (../shared/context/DOMAIN.md), drafted by 张洁 with 林晓燕 and submitted to the district. */
export const DEMO_PROPOSAL = {
  title: '关于加大政府购买服务力度、帮助边缘困境流动妇女的建议',
  summary:
    '晋安区城乡结合部流动人口集中。流动儿童的父母普遍文化程度较低，多从事零工和非正规就业，工作稳定性差，' +
    '家庭多子女，对子女养育关注不足。社会组织力量有限，建议通过政府购买服务，加大对边缘困境流动妇女的帮扶力度。',
  target: '晋安区人民政府',
  year: 2021,
  topics: ['women_social_security', 'women_economy', 'children_education'],
  suggestions: [
    {
      title: '加大政府购买服务资金投入，帮助边缘困境流动妇女',
      text:
        '建议将面向流动妇女的社会工作服务纳入政府购买服务目录，逐年加大资金投入，' +
        '通过购买专业社会工作服务，为处于边缘困境的流动妇女提供更多帮扶。',
      programArea: 'women_social_security' as const,
    },
    {
      title: '常态化开展流动妇女免费职业技能培训，并推荐就业',
      text:
        '依托“三社联动”项目，常态化开设家政、美容、电工、推拿等免费职业技能培训，协调人社部门开展职业资格认证，' +
        '并向用人单位推荐就业。2020年以来已有2000余人参加培训，58名失业妇女取得职业资格证书并实现就业。',
      programArea: 'women_economy' as const,
    },
    {
      title: '推广校园社工站，将服务延伸到流动儿童家庭',
      text:
        '总结2013年3月在晋安区红光园小学设立福建省首个校园社工站的经验，在流动儿童集中的学校推广设立社工站，' +
        '缓解教师班级管理压力、降低学生流失率，并将服务延伸至流动儿童的家庭。',
      programArea: 'children_education' as const,
    },
  ],
};

function actorFor(user: UserEntity): Actor {
  return { userId: user.id, sessionId: 'demo-seed', role: user.role, organizationId: user.organizationId, displayName: user.displayName };
}

@Injectable()
export class ProposalsDemoSeeder {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly members: ProposalMembersService,
    private readonly suggestions: SuggestionsService,
    private readonly workflow: ProposalWorkflowService,
  ) {}

  /** Creates the story's proposal and moves it draft → in review → submitted, so its timeline shows; returns its id. */
  async seed(people: { owner: UserEntity; coauthor: UserEntity; districtId: string }): Promise<string> {
    const owner = actorFor(people.owner);
    const { suggestions, ...fields } = DEMO_PROPOSAL;
    const proposal = await this.proposals.create(owner, { ...fields, districtId: people.districtId });
    await this.members.add(owner, { proposalId: proposal.id, userId: people.coauthor.id, role: 'coauthor' });
    for (const suggestion of suggestions) await this.suggestions.add(owner, { proposalId: proposal.id, ...suggestion });
    await this.workflow.transition(owner, { proposalId: proposal.id, to: 'in_review', note: '初稿完成，请林晓燕共同修改' });
    // handed in to the district in December 2021, before Jianyan: recorded with the day it was submitted
    await this.workflow.transition(owner, { proposalId: proposal.id, to: 'submitted', note: '提交晋安区人民政府', submittedOn: STORY_SUBMITTED_ON });
    return proposal.id;
  }
}
