import { Injectable, NotFoundException } from '@nestjs/common';
import { todayInChina } from '@jianyan/shared';
import { GraphQLError } from 'graphql';
import { Actor } from '../common/graphql-context';
import { ProposalBodyBridge } from '../core/proposals/proposal-body-bridge';
import { ProposalDashboardReads } from '../core/proposals/proposal-dashboard.reads';
import { ProposalMembersService } from '../core/proposals/proposal-members.service';
import { ProposalsService } from '../core/proposals/proposals.service';
import { SuggestionsService } from '../core/proposals/suggestions.service';
import { UsersService } from '../core/users/users.service';
import { proposalToDocx } from './proposal-docx';

@Injectable()
export class ExportService {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly members: ProposalMembersService,
    private readonly suggestions: SuggestionsService,
    private readonly users: UsersService,
    private readonly bodies: ProposalBodyBridge,
    private readonly submissions: ProposalDashboardReads,
  ) {}

  async proposalDocx(actor: Actor, proposalId: string): Promise<{ fileName: string; content: Buffer }> {
    const readable = () =>
      this.proposals.get(actor, proposalId).catch((error: unknown) => {
        if (error instanceof GraphQLError && error.extensions.code === 'NOT_FOUND') throw new NotFoundException('Proposal not found');
        throw error;
      });
    // the body as stored (every acknowledged keystroke), not as last derived by the debounce
    await this.bodies.flush((await readable()).id);
    const proposal = await readable();
    const [members] = await this.members.byProposalIds([proposal.id]);
    const authorIds = [
      proposal.leadAuthorId,
      ...members.filter((m) => (m.role === 'owner' || m.role === 'coauthor') && m.userId !== proposal.leadAuthorId).map((m) => m.userId),
    ];
    const authors = (await this.users.findByIds(authorIds)).flatMap((user) => (user ? [user.displayName] : []));
    const [suggestions] = await this.suggestions.byProposalIds([proposal.id]);
    // the day it was handed in (as recorded, e.g. 2021-12-15 for one submitted on paper), or today while a draft
    const submittedOn = (await this.submissions.firstSubmittedOn([proposal.id])).get(proposal.id);
    const content = await proposalToDocx({
      title: proposal.title,
      target: proposal.target,
      summary: proposal.summary,
      body: proposal.bodyJson ? JSON.parse(proposal.bodyJson) : null,
      suggestions: suggestions.map((s) => ({ id: s.id, number: s.number, title: s.title, text: s.text })),
      authors,
      day: submittedOn ?? todayInChina(),
    });
    return { fileName: `${proposal.title.slice(0, 80)}.docx`, content };
  }
}
