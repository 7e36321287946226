import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { OrganizationsService } from '../core/organizations/organizations.service';
import { UserEntity } from '../core/users/user.entity';
import { UsersService } from '../core/users/users.service';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS } from './demo-data';
import { EvidenceDemoSeeder } from './evidence-demo';
import { ProposalsDemoSeeder } from './proposals-demo';

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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemo && (await this.organizations.count()) === 0) await this.seed();
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
    if (owner && coauthor) await this.proposals.seed({ owner, coauthor, districtId: idsByCode.get('jinan')! });
    const contributor = created.get('chenfang@jianyan.demo');
    const evidence = owner && contributor ? await this.evidence.seed({ contributor, owner, districtId: idsByCode.get('jinan')! }) : 0;
    this.logger.log(
      `demo data seeded: ${DEMO_ORGANIZATIONS.length} organisations, ${DEMO_USERS.length} users, ${owner ? 1 : 0} proposal, ${evidence} evidence records`,
    );
  }
}
