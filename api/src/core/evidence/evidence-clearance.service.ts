import {
  EffectiveSensitivity,
  EvidenceGrantLevel,
  ViewerRelation,
  canManageEvidence,
  canReadEvidence,
  canSeeRawEvidence,
  effectiveSensitivity,
  todayInChina,
} from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { OrganizationsService } from '../organizations/organizations.service';
import { EvidenceEntity, EvidenceGrantEntity } from './evidence.entity';

/** What the caller's organisation position means for evidence, computed once per request. */
export interface ViewerScope {
  actor: Actor;
  /** Every organisation of the caller's federation. */
  federationOrgIds: string[];
  /** For administrators, their organisation and all below it; empty otherwise. */
  adminOrgIds: string[];
  today: string;
}

/** A record together with what this viewer may do with it. */
export interface EvidenceView {
  record: EvidenceEntity;
  effective: EffectiveSensitivity;
  canSeeRaw: boolean;
  canManage: boolean;
}

export function facts(record: EvidenceEntity) {
  return {
    status: record.status,
    sensitivity: record.sensitivity,
    aboutIdentifiablePeople: record.aboutIdentifiablePeople,
    consent: { obtained: record.consentObtained, expiresOn: record.consentExpiresOn },
  };
}

/**
 * The one place that decides who sees which evidence and whether unmasked. Single records are
 * checked with the shared pure rule (`canReadEvidence`); lists, counts and facets get the same rule
 * as a SQL condition, so nothing is ever trimmed after the fact. Invisible means NOT_FOUND.
 */
@Injectable()
export class EvidenceClearanceService {
  private readonly scopes = new WeakMap<Actor, Promise<ViewerScope>>();

  constructor(
    private readonly organizations: OrganizationsService,
    @InjectRepository(EvidenceGrantEntity) private readonly grants: Repository<EvidenceGrantEntity>,
  ) {}

  scopeOf(actor: Actor): Promise<ViewerScope> {
    let scope = this.scopes.get(actor);
    if (!scope) {
      scope = (async () => ({
        actor,
        federationOrgIds: await this.organizations.federationIds(actor.organizationId),
        adminOrgIds: actor.role === 'admin' ? await this.organizations.subtreeIds(actor.organizationId) : [],
        today: todayInChina(),
      }))();
      this.scopes.set(actor, scope);
    }
    return scope;
  }

  relation(scope: ViewerScope, record: EvidenceEntity, grant: EvidenceGrantLevel | null): ViewerRelation {
    return {
      isContributor: record.contributorId === scope.actor.userId,
      isOrganizationAdmin: scope.adminOrgIds.includes(record.organizationId),
      sameFederation: scope.federationOrgIds.includes(record.organizationId),
      grant,
    };
  }

  /** The view of a record for this viewer, or null when she may not see it. */
  viewOf(scope: ViewerScope, record: EvidenceEntity, grant: EvidenceGrantLevel | null): EvidenceView | null {
    const relation = this.relation(scope, record, grant);
    if (!canReadEvidence(facts(record), relation, scope.today)) return null;
    return {
      record,
      effective: effectiveSensitivity(facts(record), scope.today),
      canSeeRaw: canSeeRawEvidence(relation),
      canManage: canManageEvidence(relation),
    };
  }

  /** The caller's grant level on each of these records. */
  async grantLevels(actor: Actor, evidenceIds: readonly string[], manager?: EntityManager): Promise<Map<string, EvidenceGrantLevel>> {
    if (evidenceIds.length === 0) return new Map();
    const repository = manager ? manager.getRepository(EvidenceGrantEntity) : this.grants;
    const rows = await repository.findBy({ userId: actor.userId, evidenceId: In([...evidenceIds]) });
    return new Map(rows.map((g) => [g.evidenceId, g.level]));
  }

  /** Views of the records the caller may see, in the given order, skipping the others. */
  async viewsOf(actor: Actor, records: EvidenceEntity[], manager?: EntityManager): Promise<EvidenceView[]> {
    const scope = await this.scopeOf(actor);
    const grants = await this.grantLevels(actor, records.map((r) => r.id), manager);
    return records.flatMap((r) => this.viewOf(scope, r, grants.get(r.id) ?? null) ?? []);
  }

  /** The view of one record; NOT_FOUND when the caller may not see it. */
  async check(actor: Actor, record: EvidenceEntity | null, manager?: EntityManager): Promise<EvidenceView> {
    if (!record) throw AppErrors.notFound('Evidence');
    const [view] = await this.viewsOf(actor, [record], manager);
    if (!view) throw AppErrors.notFound('Evidence');
    return view;
  }

  /** Like `check`, and FORBIDDEN unless the caller is the contributor or an administrator of it. */
  async requireManage(actor: Actor, record: EvidenceEntity | null, manager?: EntityManager): Promise<EvidenceView> {
    const view = await this.check(actor, record, manager);
    if (!view.canManage) throw AppErrors.forbidden('Only the contributor and administrators of its organisation may change this evidence');
    return view;
  }

  /**
   * The effective sensitivity as SQL (the consent rule of `effectiveSensitivity`); needs the
   * `clrToday`, `clrYes` and `clrNo` parameters that `restrictToVisible` binds.
   */
  effectiveSql(alias: string): string {
    return (
      `(CASE WHEN ${alias}.aboutIdentifiablePeople = :clrYes AND (${alias}.consentObtained = :clrNo OR ` +
      `(${alias}.consentExpiresOn IS NOT NULL AND ${alias}.consentExpiresOn < :clrToday)) THEN 'restricted' ELSE ${alias}.sensitivity END)`
    );
  }

  /** Restricts a query over evidence (aliased `alias`) to the records the caller may see: `canReadEvidence` in SQL. */
  async restrictToVisible<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, actor: Actor, alias: string): Promise<void> {
    const scope = await this.scopeOf(actor);
    const granted = query.subQuery().select('vg.evidenceId').from(EvidenceGrantEntity, 'vg').where('vg.userId = :clrViewer').getQuery();
    const effective = this.effectiveSql(alias);
    query.setParameters({ clrViewer: actor.userId, clrToday: scope.today, clrYes: true, clrNo: false });
    query.andWhere(
      new Brackets((w) => {
        w.where(`${alias}.contributorId = :clrViewer`);
        if (scope.adminOrgIds.length) w.orWhere(`${alias}.organizationId IN (:...clrAdminOrgs)`, { clrAdminOrgs: scope.adminOrgIds });
        w.orWhere(
          new Brackets((published) =>
            published.where(`${alias}.status = 'published'`).andWhere(
              new Brackets((level) =>
                level
                  .where(`${effective} = 'public'`)
                  .orWhere(`(${effective} = 'internal' AND ${alias}.organizationId IN (:...clrFederation))`, {
                    clrFederation: scope.federationOrgIds,
                  })
                  .orWhere(`${alias}.id IN ${granted}`),
              ),
            ),
          ),
        );
      }),
    );
  }

  /** `canSeeRawEvidence` as a SQL condition, for searching raw text only where the caller may read it. */
  async rawCondition(actor: Actor, alias: string, query: SelectQueryBuilder<ObjectLiteral>): Promise<Brackets> {
    const scope = await this.scopeOf(actor);
    const rawGranted = query
      .subQuery()
      .select('rg.evidenceId')
      .from(EvidenceGrantEntity, 'rg')
      .where("rg.userId = :clrViewer AND rg.level = 'raw'")
      .getQuery();
    return new Brackets((w) => {
      w.where(`${alias}.contributorId = :clrViewer`, { clrViewer: actor.userId });
      if (scope.adminOrgIds.length) w.orWhere(`${alias}.organizationId IN (:...clrAdminOrgs)`, { clrAdminOrgs: scope.adminOrgIds });
      w.orWhere(`${alias}.id IN ${rawGranted}`);
    });
  }
}
