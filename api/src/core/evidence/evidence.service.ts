import {
  BULK_PUBLISH_REFUSED,
  ERROR_CODES,
  EVIDENCE_AUDIT_ACTIONS,
  EVIDENCE_BULK_PUBLISH_MAX,
  EvidenceStatus,
  SENSITIVITY_LEVELS,
  canMoveEvidence,
  effectiveSensitivity,
  todayInChina,
} from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GraphQLError } from 'graphql';
import { DataSource, EntityManager, In } from 'typeorm';
import { z } from 'zod';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { validateInput } from '../../common/validation';
import { runTransaction } from '../../database/transactions';
import { AuditEntryInput, AuditService } from '../audit/audit.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { EvidenceClearanceService, EvidenceView, facts } from './evidence-clearance.service';
import { detectEvidencePii } from './evidence-masking';
import { EvidenceChanges, saveEvidenceChanges, writeTags } from './evidence-rows';
import { EvidenceEntity } from './evidence.entity';
import {
  ChangeEvidenceSensitivityInput,
  MarkEvidenceNamesInput,
  RecordEvidenceConsentInput,
  UpdateEvidenceInput,
} from './evidence.inputs';
import { NewEvidence, NewEvidenceData, consentSchema, createEvidenceSchema, markedNamesSchema, updateEvidenceSchema } from './evidence.validation';

const versionSchema = z.number().int().nullish();
const sensitivityInput = z.object({
  id: z.string().min(1, 'is required'),
  sensitivity: z.enum(SENSITIVITY_LEVELS),
  expectedVersion: versionSchema,
  reason: z.string().trim().max(500, 'must be at most 500 characters').nullish(),
});
const consentInput = z.object({
  id: z.string().min(1, 'is required'),
  consent: consentSchema,
  aboutIdentifiablePeople: z.boolean().nullish(),
  expectedVersion: versionSchema,
});
const bulkPublishInput = z.object({
  ids: z
    .array(z.string().min(1, 'must not be blank'))
    .min(1, 'must name at least one record')
    .max(EVIDENCE_BULK_PUBLISH_MAX, `must name at most ${EVIDENCE_BULK_PUBLISH_MAX} records`)
    .transform((ids) => [...new Set(ids)]),
});

/** Why one record of a bulk publish was refused: NOT_FOUND (not visible), FORBIDDEN (not hers to manage), BAD_USER_INPUT (its status). */
export interface BulkPublishFailure {
  id: string;
  code: string;
  status?: EvidenceStatus;
}

const namesInput = z.object({ id: z.string().min(1, 'is required'), names: markedNamesSchema, expectedVersion: versionSchema });

/** Recording and changing evidence. Who may see what is decided by EvidenceClearanceService. */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clearance: EvidenceClearanceService,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Records a draft (or, from an import, the given status); the caller is its contributor. */
  async create(actor: Actor, input: NewEvidence): Promise<EvidenceView> {
    const data = validateInput(createEvidenceSchema, input);
    if (data.districtId) await this.assertDistrict(actor, data.districtId);
    return runTransaction(this.dataSource, async (manager) => {
      const [record] = await this.insertMany(manager, actor, [data]);
      return this.clearance.check(actor, record, manager);
    });
  }

  /** Inserts validated records in the caller's transaction (districts already checked), with their audit entries. */
  async insertMany(manager: EntityManager, actor: Actor, rows: NewEvidenceData[], source = 'form'): Promise<EvidenceEntity[]> {
    const saved: EvidenceEntity[] = [];
    const entries: AuditEntryInput[] = [];
    for (const data of rows) {
      const now = new Date();
      const { consent, ...fields } = data;
      const record = manager.create(EvidenceEntity, {
        ...fields,
        ...detectEvidencePii(data),
        consentObtained: consent.obtained,
        consentObtainedBy: consent.obtainedBy,
        consentObtainedOn: consent.obtainedOn,
        consentScope: consent.scope,
        consentExpiresOn: consent.expiresOn,
        contributorId: actor.userId,
        organizationId: actor.organizationId,
        version: 1,
        createdAt: now,
        updatedAt: now,
        publishedAt: data.status === 'published' ? now : null,
      });
      await manager.save(record);
      await writeTags(manager, record);
      saved.push(record);
      entries.push(this.entry(actor, record, EVIDENCE_AUDIT_ACTIONS.created, { source, ...this.protectionOf(record) }));
    }
    await this.audit.record(entries, manager);
    return saved;
  }

  async update(actor: Actor, input: UpdateEvidenceInput): Promise<EvidenceView> {
    const { id, expectedVersion, ...fields } = validateInput(updateEvidenceSchema, input);
    const changes: EvidenceChanges = {};
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) Object.assign(changes, { [key]: typeof value === 'string' && value === '' ? null : value });
    }
    if (changes.dateFrom === null) delete changes.dateFrom;
    return this.change(actor, id, expectedVersion, async (record) => {
      if (changes.districtId && changes.districtId !== record.districtId) await this.assertDistrict(actor, changes.districtId);
      const dateTo = changes.dateTo !== undefined ? changes.dateTo : record.dateTo;
      if (dateTo && dateTo < (changes.dateFrom ?? record.dateFrom)) throw AppErrors.badInput('dateTo', 'must not be before dateFrom');
      return { changes };
    });
  }

  /** Publishes or withdraws along EVIDENCE_TRANSITIONS. */
  async transition(actor: Actor, id: string, to: EvidenceStatus, expectedVersion?: number | null): Promise<EvidenceView> {
    validateInput(z.object({ expectedVersion: versionSchema }), { expectedVersion });
    return this.change(actor, id, expectedVersion, async (record) => {
      if (!canMoveEvidence(record.status, to)) throw AppErrors.badInput('id', `the evidence is ${record.status}; it cannot become ${to}`);
      return { changes: { status: to, ...(to === 'published' ? { publishedAt: new Date() } : {}) } };
    });
  }

  /**
   * Publishes many records at once, all or none: each is checked as `publishEvidence` checks one
   * (visible, managed by the caller, publishable from its status); one refusal and nothing is
   * written, the error listing every refused record. Each published record gets an audit entry.
   */
  async publishMany(actor: Actor, input: { ids: string[] }): Promise<EvidenceView[]> {
    const { ids } = validateInput(bulkPublishInput, input);
    return runTransaction(this.dataSource, async (manager) => {
      const records = await manager.findBy(EvidenceEntity, { id: In(ids) });
      const views = new Map((await this.clearance.viewsOf(actor, records, manager)).map((v) => [v.record.id, v]));
      const failures: BulkPublishFailure[] = ids.flatMap((id): BulkPublishFailure[] => {
        const view = views.get(id);
        if (!view) return [{ id, code: ERROR_CODES.notFound }];
        if (!view.canManage) return [{ id, code: ERROR_CODES.forbidden }];
        if (!canMoveEvidence(view.record.status, 'published')) return [{ id, code: ERROR_CODES.badUserInput, status: view.record.status }];
        return [];
      });
      if (failures.length) throw bulkPublishRefused(failures, ids.length);
      const publishedAt = new Date();
      const saved: EvidenceEntity[] = [];
      for (const id of ids) saved.push(await saveEvidenceChanges(manager, views.get(id)!.record, { status: 'published', publishedAt }));
      await this.audit.record(
        saved.map((record) => this.entry(actor, record, EVIDENCE_AUDIT_ACTIONS.published, { via: 'bulk', count: saved.length, ...this.protectionOf(record) })),
        manager,
      );
      return this.clearance.viewsOf(actor, saved, manager);
    });
  }

  async changeSensitivity(actor: Actor, input: ChangeEvidenceSensitivityInput): Promise<EvidenceView> {
    const data = validateInput(sensitivityInput, input);
    return this.change(actor, data.id, data.expectedVersion, async (record) => ({
      changes: { sensitivity: data.sensitivity },
      audit: (saved) => [
        this.entry(actor, saved, EVIDENCE_AUDIT_ACTIONS.sensitivityChanged, {
          from: record.sensitivity,
          to: data.sensitivity,
          reason: data.reason ?? null,
          ...this.protectionOf(saved),
        }),
      ],
    }));
  }

  async recordConsent(actor: Actor, input: RecordEvidenceConsentInput): Promise<EvidenceView> {
    const data = validateInput(consentInput, input);
    const { consent } = data;
    return this.change(actor, data.id, data.expectedVersion, async (record) => ({
      changes: {
        consentObtained: consent.obtained,
        consentObtainedBy: consent.obtainedBy,
        consentObtainedOn: consent.obtainedOn,
        consentScope: consent.scope,
        consentExpiresOn: consent.expiresOn,
        ...(data.aboutIdentifiablePeople != null ? { aboutIdentifiablePeople: data.aboutIdentifiablePeople } : {}),
      },
      audit: (saved) => [
        this.entry(actor, saved, EVIDENCE_AUDIT_ACTIONS.consentChanged, {
          from: { obtained: record.consentObtained, expiresOn: record.consentExpiresOn, aboutIdentifiablePeople: record.aboutIdentifiablePeople },
          to: { obtained: saved.consentObtained, obtainedOn: saved.consentObtainedOn, expiresOn: saved.consentExpiresOn, aboutIdentifiablePeople: saved.aboutIdentifiablePeople },
          ...this.protectionOf(saved),
        }),
      ],
    }));
  }

  /** Replaces the list of names to mask; personal data is detected again. */
  async markNames(actor: Actor, input: MarkEvidenceNamesInput): Promise<EvidenceView> {
    const data = validateInput(namesInput, input);
    return this.change(actor, data.id, data.expectedVersion, async () => ({ changes: { markedNames: data.names } }));
  }

  /** Loads, checks, changes and audits one record in a transaction; NOT_FOUND / FORBIDDEN before anything is written. */
  private async change(
    actor: Actor,
    id: string,
    expectedVersion: number | null | undefined,
    plan: (record: EvidenceEntity) => Promise<{ changes: EvidenceChanges; audit?: (saved: EvidenceEntity) => AuditEntryInput[] }>,
  ): Promise<EvidenceView> {
    return runTransaction(this.dataSource, async (manager) => {
      const record = await manager.findOneBy(EvidenceEntity, { id });
      await this.clearance.requireManage(actor, record, manager);
      const { changes, audit } = await plan(record!);
      const saved = await saveEvidenceChanges(manager, record!, changes, expectedVersion);
      if (audit) await this.audit.record(audit(saved), manager);
      return this.clearance.check(actor, saved, manager);
    });
  }

  entry(actor: Actor, record: EvidenceEntity, action: string, details: Record<string, unknown>): AuditEntryInput {
    return { actorId: actor.userId, action, entityType: 'evidence', entityId: record.id, organizationId: record.organizationId, details };
  }

  /** The protection facts recorded with sensitivity and consent changes. */
  private protectionOf(record: EvidenceEntity) {
    const effective = effectiveSensitivity(facts(record), todayInChina());
    return { sensitivity: record.sensitivity, effectiveSensitivity: effective.level, heldReason: effective.reason };
  }

  /** A district the caller may file under (her organisation and the ones below it); nothing is written otherwise. */
  assertDistrict(actor: Actor, districtId: string, field = 'districtId'): Promise<void> {
    return this.organizations.assertFilingDistrict(actor.organizationId, districtId, field);
  }
}

/** FORBIDDEN when a record is not the caller's to publish (or not visible), BAD_USER_INPUT when only statuses stand in the way. */
function bulkPublishRefused(failures: BulkPublishFailure[], total: number): GraphQLError {
  const permission = failures.some((f) => f.code !== ERROR_CODES.badUserInput);
  return new GraphQLError(`ids: ${failures.length} of ${total} records cannot be published (${failures[0].id}: ${failures[0].code}); nothing was published`, {
    extensions: { code: permission ? ERROR_CODES.forbidden : ERROR_CODES.badUserInput, field: 'ids', reason: BULK_PUBLISH_REFUSED, failures, total },
  });
}
