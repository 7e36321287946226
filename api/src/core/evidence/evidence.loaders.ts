import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, Repository } from 'typeorm';
import { Actor, GraphQLContext, loaderFor } from '../../common/graphql-context';
import { personLoader } from '../users/person.loader';
import { PersonSummary } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { EvidenceView } from './evidence-clearance.service';
import { EvidenceLinkModel } from './evidence-link.model';
import { EvidenceLinksService } from './evidence-links.service';
import { EvidenceAttachmentEntity, EvidenceGrantEntity } from './evidence.entity';

function groupBy<T>(ids: readonly string[], rows: T[], key: (row: T) => string): T[][] {
  return ids.map((id) => rows.filter((row) => key(row) === id));
}

/** Per-request DataLoaders behind the nested fields of evidence: a page costs a fixed number of queries. */
@Injectable()
export class EvidenceLoaders {
  constructor(
    @InjectRepository(EvidenceAttachmentEntity) private readonly attachments: Repository<EvidenceAttachmentEntity>,
    @InjectRepository(EvidenceGrantEntity) private readonly grants: Repository<EvidenceGrantEntity>,
    private readonly users: UsersService,
    private readonly links: EvidenceLinksService,
  ) {}

  attachmentsOf(context: GraphQLContext): DataLoader<string, EvidenceAttachmentEntity[]> {
    return loaderFor(context, 'evidenceAttachments', async (ids: readonly string[]) =>
      groupBy(ids, await this.attachments.find({ where: { evidenceId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } }), (a) => a.evidenceId),
    );
  }

  grantsOf(context: GraphQLContext): DataLoader<string, EvidenceGrantEntity[]> {
    return loaderFor(context, 'evidenceGrants', async (ids: readonly string[]) =>
      groupBy(ids, await this.grants.find({ where: { evidenceId: In([...ids]) }, order: { grantedAt: 'ASC', id: 'ASC' } }), (g) => g.evidenceId),
    );
  }

  person(context: GraphQLContext): DataLoader<string, PersonSummary> {
    return personLoader(context, this.users);
  }

  /** Links of each record (keyed by its view) to proposals the caller may see. */
  linksOf(context: GraphQLContext, actor: Actor): DataLoader<EvidenceView, EvidenceLinkModel[], string> {
    const key = 'evidenceLinksByEvidence';
    let loader = context.loaders.get(key) as DataLoader<EvidenceView, EvidenceLinkModel[], string> | undefined;
    if (!loader) {
      loader = new DataLoader<EvidenceView, EvidenceLinkModel[], string>((views) => this.links.byEvidence(actor, views), {
        cacheKeyFn: (v) => v.record.id,
      });
      context.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /** Links of each proposal, with placeholders for evidence the caller is not cleared for. */
  linksOfProposal(context: GraphQLContext, actor: Actor): DataLoader<string, EvidenceLinkModel[]> {
    return loaderFor(context, 'evidenceLinksByProposal', (ids: readonly string[]) => this.links.byProposalIds(actor, ids));
  }
}
