import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import nodemailer, { Transporter } from 'nodemailer';
import { Between, In, IsNull, Repository } from 'typeorm';
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
    this.transport = config.smtp ? nodemailer.createTransport(config.smtp.url) : null;
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
   * claimed (emailedAt set where it was null) before it is sent, so a repeated delivery of its event
   * does not mail it twice; a failed send is released and reported by throwing, so the event is retried.
   */
  async sendImmediate(rows: NotificationEntity[], recipients: Map<string, UserEntity>): Promise<void> {
    if (!this.transport || rows.length === 0) return;
    const chosen = await this.preferences.findBy({ userId: In(rows.map((r) => r.userId)) });
    const frequency = new Map(chosen.map((p) => [p.userId, p.email]));
    let failed = 0;
    for (const row of rows) {
      const email = recipients.get(row.userId)?.email;
      if (!email || (frequency.get(row.userId) ?? DEFAULT_EMAIL_FREQUENCY) !== 'immediate') continue;
      const claimedAt = new Date();
      if (!(await this.notifications.update({ id: row.id, emailedAt: IsNull() }, { emailedAt: claimedAt })).affected) continue;
      if (!(await this.send(email, immediateEmail(row, this.config.publicUrl)))) {
        await this.notifications.update({ id: row.id, emailedAt: claimedAt }, { emailedAt: null });
        failed++;
      }
    }
    if (failed > 0) throw new Error(`${failed} notification e-mail(s) could not be sent`);
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
      where: { userId, readAt: IsNull(), emailedAt: IsNull(), createdAt: Between(new Date(now.getTime() - DIGEST_BACKLOG_MS), now) },
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
