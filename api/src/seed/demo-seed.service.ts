import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { JOB_LOCK, JobLock } from '../common/job-lock';
import { OrganizationsService } from '../core/organizations/organizations.service';
import { UserEntity } from '../core/users/user.entity';
import { UsersService } from '../core/users/users.service';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS } from './demo-data';
import { EvidenceDemoSeeder } from './evidence-demo';
import { ProposalsDemoSeeder } from './proposals-demo';
import { ProgramsDemoSeeder } from './programs-demo';

/** Seeds the story's demo data on the first start with an empty database (unless SEED_DEMO=false). */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly proposals: ProposalsDemoSeeder,
    private readonly evidence: EvidenceDemoSeeder,
    private readonly programs: ProgramsDemoSeeder,
    @Inject(JOB_LOCK) private readonly locks: JobLock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    // several instances starting together on an empty database: one seeds, the others then find data
    await this.locks.runSerialized('demo-seed', 300_000, async () => {
      if ((await this.organizations.count()) === 0) await this.seed();
    });
  }

  async seed(): Promise<void> {
    const idsByCode = new Map<string, string>();
    for (const org of DEMO_ORGANIZATIONS) {
      const existing = await this.organizations.findByCode(org.code);
      const saved =
        existing ??
        (await this.organizations.create({ ...org, parentId: org.parent ? idsByCode.get(org.parent) : null }));
      idsByCode.set(org.code, saved.id);
    }
    const created = new Map<string, UserEntity>();
    for (const user of DEMO_USERS) {
      await this.users
        .create(null, { ...user, organizationId: idsByCode.get(user.organization)!, password: DEMO_PASSWORD })
        .then(({ user: saved }) => created.set(user.email, saved))
        .catch((error: Error) => this.logger.warn(`demo user ${user.email} skipped: ${error.message}`));
    }
    const owner = created.get('zhangjie@jianyan.demo');
    const coauthor = created.get('linxiaoyan@jianyan.demo');
    // Only alongside newly created demo users, so seeding twice does not duplicate the proposal.
    const storyProposalId = owner && coauthor ? await this.proposals.seed({ owner, coauthor, districtId: idsByCode.get('jinan')! }) : null;
    const contributor = created.get('chenfang@jianyan.demo');
    const evidence = owner && contributor ? await this.evidence.seed({ contributor, owner, districtId: idsByCode.get('jinan')! }) : 0;
    const admin = created.get('admin@jianyan.demo');
    const programs = admin ? await this.programs.seed({ admin, owner: owner ?? null, districtId: idsByCode.get('jinan')!, storyProposalId }) : 0;
    this.logger.log(
      `demo data seeded: ${DEMO_ORGANIZATIONS.length} organisations, ${DEMO_USERS.length} users, ${owner ? 1 : 0} proposal, ${evidence} evidence records, ${programs} programs`,
    );
  }
}
