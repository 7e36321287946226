import { useMutation, useQuery } from '@apollo/client';
import { useState } from 'react';
import { NOTIFICATION_PREFERENCES, SET_NOTIFICATION_PREFERENCES, type EmailFrequency } from './graphql';
import { emailPreferenceTestId } from './testids';
import { useNotificationsText } from './useNotificationsText';

const CHOICES: EmailFrequency[] = ['off', 'immediate', 'daily_digest'];

/** The e-mail preference: none, each notification, or a daily digest (kept even while SMTP is not configured). */
export function NotificationPreferencesForm() {
  const text = useNotificationsText();
  const { data } = useQuery(NOTIFICATION_PREFERENCES);
  const [save, { loading }] = useMutation(SET_NOTIFICATION_PREFERENCES);
  const [status, setStatus] = useState<'saved' | 'failed' | null>(null);
  const preferences = data?.notificationPreferences;
  if (!preferences) return null;

  async function choose(email: EmailFrequency) {
    setStatus(null);
    try {
      await save({
        variables: { input: { email } },
        // the radio shows the choice at once (it is controlled by the cached preference)
        optimisticResponse: { setNotificationPreferences: { email, emailAvailable: preferences!.emailAvailable } },
        update: (cache, { data: saved }) => {
          if (saved) cache.writeQuery({ query: NOTIFICATION_PREFERENCES, data: { notificationPreferences: saved.setNotificationPreferences } });
        },
      });
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  }

  return (
    <section className="card notification-preferences" aria-labelledby="notification-preferences-title">
      <h2 id="notification-preferences-title">{text('preferences.title')}</h2>
      <p className="muted">{text('preferences.intro')}</p>
      <fieldset className="radio-list" disabled={loading}>
        <legend className="visually-hidden">{text('preferences.title')}</legend>
        {CHOICES.map((choice) => (
          <label key={choice} className="check">
            <input
              type="radio"
              name="notification-email"
              value={choice}
              checked={preferences.email === choice}
              onChange={() => void choose(choice)}
              data-testid={emailPreferenceTestId(choice)}
            />
            <span>{text(`preferences.${choice}`)}</span>
          </label>
        ))}
      </fieldset>
      {!preferences.emailAvailable && <p className="muted">{text('preferences.unavailable')}</p>}
      <p role="status" aria-live="polite" className={status === 'failed' ? 'field-error' : 'muted'}>
        {status ? text(`preferences.${status}`) : ''}
      </p>
    </section>
  );
}
