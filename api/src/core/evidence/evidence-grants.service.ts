import { EVIDENCE_AUDIT_ACTIONS } from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AppErrors } from '../../common/errors';
import { Actor } from '../../common/graphql-context';
import { validateInput } from '../../common/validation';
import { runTransaction } from '../../database/transactions';
import { enqueueForIndexing } from '../../search/search-indexer';
import { EVIDENCE_INDEX } from './evidence-rows';
import { AuditService } from '../audit/audit.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import { EvidenceClearanceService, EvidenceView } from './evidence-clearance.service';
import { EvidenceEntity, EvidenceGrantEntity } from './evidence.entity';
import { GrantEvidenceAccessInput, RevokeEvidenceAccessInput } from './evidence.inputs';
import { grantSchema } from './evidence.validation';

const revokeSchema = z.object({ evidenceId: z.string().min(1, 'is required'), userId: z.string().min(1, 'is required') });

/** Explicit access to one record, granted and revoked by its contributor or an administrator; every change audited. */
@Injectable()
export class EvidenceGrantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clearance: EvidenceClearanceService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Grants (or changes) a person's access. She must be an active user of the record's federation. */
  async grant(actor: Actor, input: GrantEvidenceAccessInput): Promise<EvidenceView> {
    const data = validateInput(grantSchema, input);
    return runTransaction(this.dataSource, async (manager) => {
      const record = await manager.findOneBy(EvidenceEntity, { id: data.evidenceId });
      await this.clearance.requireManage(actor, record, manager);
      const user = await this.users.findById(data.userId);
      if (!user || !user.active) throw AppErrors.badInput('userId', 'is not an active user');
      if (!(await this.organizations.federationIds(record!.organizationId)).includes(user.organizationId)) {
        throw AppErrors.badInput('userId', 'belongs to another federation');
      }
      if (user.id === record!.contributorId) throw AppErrors.badInput('userId', 'is the contributor, who always has access');
      const repository = manager.getRepository(EvidenceGrantEntity);
      const existing = await repository.findOneBy({ evidenceId: record!.id, userId: user.id });
      await enqueueForIndexing(manager, EVIDENCE_INDEX, [record!.id]);
      if (existing) await repository.update({ id: existing.id }, { level: data.level, grantedById: actor.userId, grantedAt: new Date() });
      else await repository.insert(repository.create({ evidenceId: record!.id, userId: user.id, level: data.level, grantedById: actor.userId, grantedAt: new Date() }));
      await this.audit.record(
        [
          {
            actorId: actor.userId,
            action: EVIDENCE_AUDIT_ACTIONS.accessGranted,
            entityType: 'evidence',
            entityId: record!.id,
            organizationId: record!.organizationId,
            details: { userId: user.id, level: data.level, previousLevel: existing?.level ?? null },
          },
        ],
        manager,
      );
      return this.clearance.check(actor, record, manager);
    });
  }

  async revoke(actor: Actor, input: RevokeEvidenceAccessInput): Promise<EvidenceView> {
    const data = validateInput(revokeSchema, input);
    return runTransaction(this.dataSource, async (manager) => {
      const record = await manager.findOneBy(EvidenceEntity, { id: data.evidenceId });
      await this.clearance.requireManage(actor, record, manager);
      const repository = manager.getRepository(EvidenceGrantEntity);
      const existing = await repository.findOneBy({ evidenceId: record!.id, userId: data.userId });
      if (!existing) throw AppErrors.badInput('userId', 'has no grant on this evidence');
      await repository.delete({ id: existing.id });
      await enqueueForIndexing(manager, EVIDENCE_INDEX, [record!.id]);
      await this.audit.record(
        [
          {
            actorId: actor.userId,
            action: EVIDENCE_AUDIT_ACTIONS.accessRevoked,
            entityType: 'evidence',
            entityId: record!.id,
            organizationId: record!.organizationId,
            details: { userId: data.userId, level: existing.level },
          },
        ],
        manager,
      );
      return this.clearance.check(actor, record, manager);
    });
  }
}
