import { Injectable } from '@nestjs/common';
import { Actor } from '../common/graphql-context';
import { AdoptionService } from '../core/adoption/adoption.service';
import { flattenNodes, parseProgramText } from '../core/programs/program-parser';
import { ProgramsService } from '../core/programs/programs.service';
import { SuggestionsService } from '../core/proposals/suggestions.service';
import { UserEntity } from '../core/users/user.entity';
import { JINAN_ADOPTING_CLAUSE, JINAN_WOMEN_PROGRAM, NATIONAL_CHILDREN_PROGRAM, NATIONAL_WOMEN_PROGRAM } from './programs-demo-texts';

function actorFor(user: UserEntity): Actor {
  return { userId: user.id, sessionId: 'demo-seed', role: user.role, organizationId: user.organizationId, displayName: user.displayName };
}

export const JINAN_PROGRAM_NAME = '福州市晋安区妇女发展纲要（2021—2030年）';

/** The national programs and Jin'an's women's program, and the story's adoption (June 2022). */
@Injectable()
export class ProgramsDemoSeeder {
  constructor(
    private readonly programs: ProgramsService,
    private readonly adoptions: AdoptionService,
    private readonly suggestions: SuggestionsService,
  ) {}

  /** Returns the number of programs created. */
  async seed(people: { admin: UserEntity; owner: UserEntity | null; districtId: string; storyProposalId: string | null }): Promise<number> {
    const admin = actorFor(people.admin);
    const nodes = (text: string) => flattenNodes(parseProgramText(text));
    await this.programs.create(admin, {
      name: '中国妇女发展纲要（2021—2030年）',
      issuingBody: '国务院',
      periodStart: 2021,
      periodEnd: 2030,
      promulgatedOn: '2021-09',
      sourceDocument: '国发〔2021〕16号',
      nodes: nodes(NATIONAL_WOMEN_PROGRAM),
    });
    await this.programs.create(admin, {
      name: '中国儿童发展纲要（2021—2030年）',
      issuingBody: '国务院',
      periodStart: 2021,
      periodEnd: 2030,
      promulgatedOn: '2021-09',
      sourceDocument: '国发〔2021〕16号',
      nodes: nodes(NATIONAL_CHILDREN_PROGRAM),
    });
    const jinan = await this.programs.create(admin, {
      name: JINAN_PROGRAM_NAME,
      issuingBody: '晋安区人民政府',
      districtId: people.districtId,
      periodStart: 2021,
      periodEnd: 2030,
      promulgatedOn: '2022-06',
      sourceDocument: '晋安区人民政府关于印发晋安区妇女发展纲要和儿童发展纲要（2021—2030年）的通知',
      nodes: nodes(JINAN_WOMEN_PROGRAM),
    });
    if (people.owner && people.storyProposalId) {
      const [story] = (await this.suggestions.byProposalIds([people.storyProposalId]))[0];
      const clause = (await this.programs.treesOf([jinan.id]))[0].find((c) => c.text === JINAN_ADOPTING_CLAUSE)!;
      await this.adoptions.record(actorFor(people.owner), {
        suggestionId: story.id,
        targetKind: 'clause',
        clauseId: clause.id,
        status: 'adopted',
        decidedOn: '2022-06-20',
        note: '区妇女发展纲要“妇女与社会保障”领域策略措施采纳了该建议',
      });
    }
    return 3;
  }
}
