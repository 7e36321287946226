import {
  DISPLAY_NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  isValidEmail,
  isValidMobile,
  normalizeEmail,
  normalizeMobile,
  parseLoginIdentifier,
  type Role,
} from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, Repository } from 'typeorm';
import { z } from 'zod';
import { DomainEvents } from '../../common/domain-events';
import { AppErrors } from '../../common/errors';
import { Actor, orderByIds } from '../../common/graphql-context';
import { Page, decodeCursor, encodeCursor, pageSizeSchema } from '../../common/pagination';
import { oneLine, validateInput } from '../../common/validation';
import { OrganizationsService } from '../organizations/organizations.service';
import { generateTemporaryPassword, hashPassword, verifyPassword } from './passwords';
import { UserEntity } from './user.entity';
import { likeEscape } from '../../database/like-pattern';

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

const newUserSchema = z
  .object({
    displayName: oneLine(z.string().trim().min(1, 'is required').max(DISPLAY_NAME_MAX_LENGTH, `must be at most ${DISPLAY_NAME_MAX_LENGTH} characters`)),
    email: z
      .string()
      .trim()
      .nullish()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || isValidEmail(v), 'is not a valid e-mail address')
      .transform((v) => (v === null ? null : normalizeEmail(v))),
    mobile: z
      .string()
      .trim()
      .nullish()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || isValidMobile(v), 'is not a valid mainland mobile number')
      .transform((v) => (v === null ? null : normalizeMobile(v))),
    role: z.enum(ROLES),
    organizationId: z.string().min(1, 'is required'),
    password: passwordSchema.nullish(),
  })
  .refine((v) => v.email !== null || v.mobile !== null, { message: 'an e-mail address or a mobile number is required', path: ['email'] });

export type NewUser = z.input<typeof newUserSchema>;

/** A dummy hash verified when no user matches, so a wrong identifier costs as much time as a wrong password. */
let dummyHash: Promise<string> | undefined;

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly organizations: OrganizationsService,
    private readonly events: DomainEvents,
  ) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  async findByIds(ids: readonly string[]): Promise<(UserEntity | null)[]> {
    return orderByIds(ids, await this.users.findBy({ id: In([...ids]) }));
  }

  /** The user an e-mail or mobile number signs in as (active or not), or null. */
  async findByLoginIdentifier(identifier: string): Promise<UserEntity | null> {
    const parsed = parseLoginIdentifier(identifier);
    return parsed ? this.users.findOneBy({ [parsed.kind]: parsed.value }) : null;
  }

  /** The user, when active and the password is hers, or null. Always spends one hash verification. */
  async checkPassword(user: UserEntity | null, password: string): Promise<UserEntity | null> {
    if (!user) {
      dummyHash ??= hashPassword('dummy-password-for-timing');
      await verifyPassword(await dummyHash, password);
      return null;
    }
    const ok = await verifyPassword(user.passwordHash, password);
    return ok && user.active ? user : null;
  }

  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.findById(userId);
    if (!user) throw AppErrors.notFound('User');
    const { newPassword: next } = validateInput(z.object({ newPassword: passwordSchema }), { newPassword });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw AppErrors.badInput('currentPassword', 'is wrong');
    }
    await this.users.update({ id: userId }, { passwordHash: await hashPassword(next) });
  }

  /** Creates a user; without a password, returns a generated temporary one (shown once). */
  async create(actor: Actor | null, input: NewUser): Promise<{ user: UserEntity; temporaryPassword: string | null }> {
    const data = validateInput(newUserSchema, input);
    const organization = await this.organizations.findById(data.organizationId);
    if (!organization) throw AppErrors.badInput('organizationId', 'is not a known organisation');
    if (actor) await this.assertManages(actor, organization.id);
    if (data.email && (await this.users.existsBy({ email: data.email }))) {
      throw AppErrors.badInput('email', 'is already used by another account');
    }
    if (data.mobile && (await this.users.existsBy({ mobile: data.mobile }))) {
      throw AppErrors.badInput('mobile', 'is already used by another account');
    }
    const temporaryPassword = data.password ? null : generateTemporaryPassword();
    const user = await this.users.save(
      this.users.create({
        displayName: data.displayName,
        email: data.email,
        mobile: data.mobile,
        role: data.role,
        organizationId: organization.id,
        passwordHash: await hashPassword(data.password ?? temporaryPassword!),
        active: true,
      }),
    );
    return { user, temporaryPassword };
  }

  async changeRole(actor: Actor, userId: string, role: Role): Promise<UserEntity> {
    const user = await this.managedUser(actor, userId);
    if (user.id === actor.userId && role !== 'admin') {
      throw AppErrors.badInput('role', 'you cannot remove your own administrator role');
    }
    user.role = role;
    return this.users.save(user);
  }

  async setActive(actor: Actor, userId: string, active: boolean): Promise<UserEntity> {
    const user = await this.managedUser(actor, userId);
    if (user.id === actor.userId && !active) throw AppErrors.badInput('userId', 'you cannot deactivate yourself');
    user.active = active;
    const saved = await this.users.save(user);
    // her sessions stay in the table but no longer resolve; her open sockets must close too
    if (!active) this.events.emit({ type: 'sessions.revoked', userId: user.id });
    return saved;
  }

  /** Users of the organisations the admin manages, newest first. */
  async list(actor: Actor, first: number, after?: string | null): Promise<Page<UserEntity>> {
    const size = validateInput(pageSizeSchema, first);
    const orgIds = await this.organizations.subtreeIds(actor.organizationId);
    const query = this.users
      .createQueryBuilder('u')
      .where('u.organizationId IN (:...orgIds)', { orgIds })
      .orderBy('u.displayName', 'ASC')
      .addOrderBy('u.id', 'ASC');
    const totalCount = await query.getCount();
    if (after) {
      const [name, id] = decodeCursor(after, 2) as [string, string];
      query.andWhere('(u.displayName > :name OR (u.displayName = :name AND u.id > :id))', { name, id });
    }
    const rows = await query.take(size + 1).getMany();
    const nodes = rows.slice(0, size);
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      totalCount,
      pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor([last.displayName, last.id]) : null },
    };
  }

  /**
   * Active people of the caller's federation, for choosing co-authors and mentions: by part of the
   * name anywhere in the federation, by exact e-mail or mobile number only within
   * contactOrganizationIds, so a number cannot be tested against someone of another organisation.
   */
  async searchPeople(actor: Actor, search: string | null | undefined, first: number): Promise<UserEntity[]> {
    const size = validateInput(z.object({ first: pageSizeSchema }), { first }).first;
    const orgIds = await this.organizations.federationIds(actor.organizationId);
    const contactOrgIds = await this.contactOrganizationIds(actor);
    const query = this.users
      .createQueryBuilder('u')
      .where('u.organizationId IN (:...orgIds)', { orgIds })
      .andWhere('u.active = :active', { active: true })
      .orderBy('u.displayName', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(size);
    const term = search?.trim();
    if (term) {
      const like = `%${likeEscape(term)}%`;
      const byContact = new Brackets((w) =>
        w
          .where('u.organizationId IN (:...contactOrgIds)', { contactOrgIds })
          .andWhere('(u.email = :email OR u.mobile = :mobile)', { email: term.toLowerCase(), mobile: normalizeMobile(term) }),
      );
      query.andWhere(new Brackets((w) => w.where("LOWER(u.displayName) LIKE LOWER(:like) ESCAPE '\\'", { like }).orWhere(byContact)));
    }
    return query.getMany();
  }

  /**
   * The organisations among whose people an exact e-mail or mobile number finds someone: the
   * caller's own (colleagues look each other up by them, without reading them), and for an admin
   * every organisation she administers (she reads their details in user administration anyway).
   */
  private async contactOrganizationIds(actor: Actor): Promise<string[]> {
    return actor.role === 'admin' ? this.organizations.subtreeIds(actor.organizationId) : [actor.organizationId];
  }

  private async managedUser(actor: Actor, userId: string): Promise<UserEntity> {
    const user = await this.findById(userId);
    if (!user) throw AppErrors.notFound('User');
    await this.assertManages(actor, user.organizationId);
    return user;
  }

  private async assertManages(actor: Actor, organizationId: string): Promise<void> {
    const managed = await this.organizations.subtreeIds(actor.organizationId);
    if (!managed.includes(organizationId)) throw AppErrors.forbidden('That organisation is outside the ones you administer');
  }
}
