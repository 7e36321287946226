import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import nodemailer, { Transporter } from 'nodemailer';
import { Between, In, IsNull, LessThan, Repository } from 'typeorm';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { JOB_LOCK, JobLock } from '../../common/job-lock';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { ProposalsService } from '../proposals/proposals.service';
import { digestEmail, immediateEmail } from './notification-email';
import { EmailFrequency, NotificationEntity, NotificationPreferenceEntity } from './notification.entity';
import { actorOf } from './notification-actor';

const DAY_MS = 24 * 60 * 60 * 1000;
const DIGEST_BACKLOG_MS = 7 * DAY_MS;
/** How often the digest job looks for people due; a digest goes out at most this much after its day is over. */
export const DIGEST_CHECK_INTERVAL_MS = 10 * 60 * 1000;
/** Without a choice, notifications also go out by e-mail at once (when SMTP is configured). */
export const DEFAULT_EMAIL_FREQUENCY: EmailFrequency = 'immediate';
/** Upper bound for each step of an SMTP exchange: a server that stops answering fails the send, not the worker. */
const SMTP_TIMEOUT_MS = 10_000;
/**
 * How long an e-mail is an instance's while it sends it: longer than a send can take (a few SMTP
 * steps, each bounded above). An instance that died after claiming leaves the e-mail unsent, and the
 * next delivery of its event sends it once this passed: e-mail is at-least-once (a crash after the
 * server accepted it but before `emailedAt` was written sends it twice).
 */
export const EMAIL_CLAIM_LEASE_MS = 3 * SMTP_TIMEOUT_MS;

/** E-mail for notifications over SMTP (SMTP_URL): immediately or in a daily digest, per person. */
@Injectable()
export class NotificationMailer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationMailer.name);
  private readonly transport: Transporter | null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(NotificationPreferenceEntity) private readonly preferences: Repository<NotificationPreferenceEntity>,
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    private readonly users: UsersService,
    private readonly proposals: ProposalsService,
    @Inject(JOB_LOCK) private readonly locks: JobLock,
  ) {
    this.transport = config.smtp
      ? nodemailer.createTransport(config.smtp.url, { connectionTimeout: SMTP_TIMEOUT_MS, greetingTimeout: SMTP_TIMEOUT_MS, socketTimeout: SMTP_TIMEOUT_MS })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  onApplicationBootstrap(): void {
    if (!this.transport) return;
    this.timer = setInterval(() => {
      // several instances: one runs the job at a time (the per-person claim below also prevents doubles)
      this.locks
        .runExclusive('notification-digests', DIGEST_CHECK_INTERVAL_MS, () => this.sendDueDigests(new Date()))
        .catch((error: Error) => this.logger.error(`digest job failed: ${error.message}`, error.stack));
    }, DIGEST_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.transport?.close();
  }

  async frequencyOf(userId: string): Promise<EmailFrequency> {
    return (await this.preferences.findOneBy({ userId }))?.email ?? DEFAULT_EMAIL_FREQUENCY;
  }

  async setFrequency(userId: string, email: EmailFrequency): Promise<EmailFrequency> {
    const updated = await this.preferences.update({ userId }, { email });
    if (!updated.affected) {
      await this.preferences.createQueryBuilder().insert().values({ userId, email, lastDigestAt: null }).orIgnore().execute();
      await this.preferences.update({ userId }, { email });
    }
    return email;
  }

  /**
   * Sends each notification not e-mailed yet to its recipient if she wants e-mail at once. Each one is
   * claimed for EMAIL_CLAIM_LEASE_MS first (so a repeated delivery of its event, here or on another
   * instance, does not mail it meanwhile) and marked e-mailed only once the SMTP server accepted it.
   * A failed send, or one still claimed by another delivery, is reported by throwing, so the event is
   * retried: nothing is lost to a crash between the claim and the send.
   */
  async sendImmediate(rows: NotificationEntity[], recipients: Map<string, UserEntity>): Promise<void> {
    if (!this.transport || rows.length === 0) return;
    const chosen = await this.preferences.findBy({ userId: In(rows.map((r) => r.userId)) });
    const frequency = new Map(chosen.map((p) => [p.userId, p.email]));
    let unsent = 0;
    for (const row of rows) {
      const email = recipients.get(row.userId)?.email;
      if (!email || (frequency.get(row.userId) ?? DEFAULT_EMAIL_FREQUENCY) !== 'immediate') continue;
      const claimedUntil = await this.claimEmail(row.id);
      if (!claimedUntil) {
        if (await this.notifications.existsBy({ id: row.id, emailedAt: IsNull() })) unsent++;
        continue;
      }
      const sent = await this.send(email, immediateEmail(row, this.config.publicUrl));
      await this.notifications.update({ id: row.id, emailClaimedUntil: claimedUntil }, { emailClaimedUntil: null, ...(sent ? { emailedAt: new Date() } : {}) });
      if (!sent) unsent++;
    }
    if (unsent > 0) throw new Error(`${unsent} notification e-mail(s) not sent yet`);
  }

  /** Claims a notification's e-mail if it was not sent and nobody holds it; returns the claim's end, or null. */
  private async claimEmail(notificationId: string): Promise<Date | null> {
    const now = new Date();
    const claimedUntil = new Date(now.getTime() + EMAIL_CLAIM_LEASE_MS);
    const claim = await this.notifications
      .createQueryBuilder()
      .update()
      .set({ emailClaimedUntil: claimedUntil })
      .where('id = :id AND "emailedAt" IS NULL AND ("emailClaimedUntil" IS NULL OR "emailClaimedUntil" < :now)', { id: notificationId, now })
      .execute();
    return claim.affected ? claimedUntil : null;
  }

  /**
   * The digest job: one e-mail per person who chose the daily digest and whose last digest is a day
   * old, with her unread notifications since, still visible to her. Each person is claimed with a
   * conditional update first, so two instances running the job at once do not both send.
   * Returns how many digests were sent.
   */
  async sendDueDigests(now: Date = new Date()): Promise<number> {
    if (!this.transport) return 0;
    const cutoff = new Date(now.getTime() - DAY_MS + DIGEST_CHECK_INTERVAL_MS);
    const due = await this.preferences
      .createQueryBuilder('p')
      .where('p.email = :digest', { digest: 'daily_digest' })
      .andWhere('(p.lastDigestAt IS NULL OR p.lastDigestAt <= :cutoff)', { cutoff })
      .getMany();
    let sent = 0;
    for (const preference of due) {
      const claim = this.preferences
        .createQueryBuilder()
        .update()
        .set({ lastDigestAt: now })
        .where('userId = :userId', { userId: preference.userId });
      if (preference.lastDigestAt) claim.andWhere('lastDigestAt = :previous', { previous: preference.lastDigestAt });
      else claim.andWhere('lastDigestAt IS NULL');
      if (!(await claim.execute()).affected) continue;
      if (await this.sendDigest(preference.userId, now)) sent++;
    }
    return sent;
  }

  /** Unread notifications of the last week not e-mailed yet (a failed send is retried by the next digest). */
  private async sendDigest(userId: string, now: Date): Promise<boolean> {
    const [user] = await this.users.findByIds([userId]);
    if (!user?.email || !user.active) return false;
    const pending = await this.notifications.find({
      where: [
        { userId, readAt: IsNull(), emailedAt: IsNull(), emailClaimedUntil: IsNull(), createdAt: Between(new Date(now.getTime() - DIGEST_BACKLOG_MS), now) },
        { userId, readAt: IsNull(), emailedAt: IsNull(), emailClaimedUntil: LessThan(now), createdAt: Between(new Date(now.getTime() - DIGEST_BACKLOG_MS), now) },
      ],
      order: { createdAt: 'ASC', id: 'ASC' },
      take: 200,
    });
    const list = [];
    for (const n of pending) {
      if (await this.proposals.isVisibleTo(actorOf(user), n.proposalId)) list.push(n);
    }
    if (list.length === 0) return false;
    if (!(await this.send(user.email, digestEmail(list, this.config.publicUrl)))) return false;
    await this.notifications.update({ id: In(list.map((n) => n.id)) }, { emailedAt: now });
    return true;
  }

  private async send(to: string, message: { subject: string; text: string }): Promise<boolean> {
    try {
      await this.transport!.sendMail({ from: this.config.smtp!.from, to, ...message });
      return true;
    } catch (error) {
      this.logger.warn(`could not send notification e-mail: ${(error as Error).message}`);
      return false;
    }
  }
}
