import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection, Page } from '../../common/pagination';
import { GraphQLContext, loaderFor } from '../../common/graphql-context';
import { Actor } from '../../common/graphql-context';
import { CurrentActor, Roles } from '../auth/decorators';
import { OrganizationModel } from '../organizations/organization.model';
import { loadOrganization } from '../organizations/organization.loader';
import { OrganizationsService } from '../organizations/organizations.service';
import {
  CreateProgramInput,
  ProgramClauseModel,
  ProgramImportInput,
  ProgramImportPreviewModel,
  ProgramModel,
  UpdateProgramClauseInput,
  UpdateProgramInput,
} from './program.model';
import { ProgramAccess } from './program-access';
import { ProgramEditingService } from './program-editing.service';
import { ProgramsService } from './programs.service';

const ProgramConnection = Connection(ProgramModel, 'ProgramConnection');

@Resolver(() => ProgramModel)
export class ProgramsResolver {
  constructor(
    private readonly programService: ProgramsService,
    private readonly organizations: OrganizationsService,
    private readonly editing: ProgramEditingService,
    private readonly access: ProgramAccess,
  ) {}

  @Query(() => ProgramConnection, { description: 'Development programs by name (everyone signed in)' })
  async programs(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<Page<ProgramModel>> {
    const page = await this.programService.list(first, after);
    return { ...page, nodes: page.nodes.map(ProgramModel.from) };
  }

  @Query(() => ProgramModel)
  async program(@Args('id', { type: () => ID }) id: string): Promise<ProgramModel> {
    return ProgramModel.from(await this.programService.get(id));
  }

  @Query(() => ProgramClauseModel, { nullable: true })
  async programClause(@Args('id', { type: () => ID }) id: string): Promise<ProgramClauseModel | null> {
    const [clause] = await this.programService.clausesByIds([id]);
    if (!clause) return null;
    const tree = (await this.programService.treesOf([clause.programId]))[0];
    return tree.find((c) => c.id === id) ?? null;
  }

  @Roles('admin')
  @Mutation(() => ProgramImportPreviewModel, { description: 'Recognises the tree of pasted text or a .docx; saves nothing (admins)' })
  importProgramPreview(@Args('input') input: ProgramImportInput): Promise<ProgramImportPreviewModel> {
    return this.programService.preview(input);
  }

  @Roles('admin')
  @Mutation(() => ProgramModel, { description: 'Saves a program with its corrected tree (admins)' })
  async createProgram(@CurrentActor() actor: Actor, @Args('input') input: CreateProgramInput): Promise<ProgramModel> {
    return ProgramModel.from(await this.programService.create(actor, input));
  }

  @Roles('admin')
  @Mutation(() => Boolean, {
    description: 'Refused while adoption records point at its clauses (admins of the district or of the federation above it; national or city programs: admins at a root federation)',
  })
  async deleteProgram(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    await this.programService.delete(actor, id);
    return true;
  }

  @Roles('admin')
  @Mutation(() => ProgramModel, {
    description: 'Corrects a saved program’s details; omitted fields keep their value (same admins as deleteProgram)',
  })
  async updateProgram(@CurrentActor() actor: Actor, @Args('input') input: UpdateProgramInput): Promise<ProgramModel> {
    return ProgramModel.from(await this.editing.updateDetails(actor, input));
  }

  @Roles('admin')
  @Mutation(() => ProgramClauseModel, {
    description: 'Corrects one node’s number, text or kind; the tree keeps its shape, adoption records keep their quoted text (same admins as deleteProgram)',
  })
  async updateProgramClause(@CurrentActor() actor: Actor, @Args('input') input: UpdateProgramClauseInput): Promise<ProgramClauseModel> {
    const clause = await this.editing.updateClause(actor, input);
    const [withDepth] = await this.programService.clausesWithDepth([clause.id]);
    return withDepth ?? Object.assign(new ProgramClauseModel(), { ...clause, depth: 0 });
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller may correct (and delete) it: admins of its district or of the federation above it; national or city programs, admins at the root' })
  canEdit(@Parent() program: ProgramModel, @CurrentActor() actor: Actor, @Context() context: GraphQLContext): Promise<boolean> {
    return loaderFor<ProgramModel, boolean>(context, 'programCanEdit', (programs) => this.access.manageable(actor, programs)).load(program);
  }

  @ResolveField(() => [ProgramClauseModel], { description: 'The tree in pre-order, with depths' })
  clauses(@Parent() program: ProgramModel, @Context() context: GraphQLContext): Promise<ProgramClauseModel[]> {
    return loaderFor<string, ProgramClauseModel[]>(context, 'programClauses', (ids) => this.programService.treesOf(ids)).load(program.id);
  }

  @ResolveField(() => Int)
  clauseCount(@Parent() program: ProgramModel, @Context() context: GraphQLContext): Promise<number> {
    return loaderFor<string, number>(context, 'programClauseCount', (ids) => this.programService.clauseCounts(ids)).load(program.id);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  async district(@Parent() program: ProgramModel, @Context() context: GraphQLContext): Promise<OrganizationModel | null> {
    return program.districtId ? loadOrganization(context, this.organizations, program.districtId) : null;
  }
}
