import { paragraphsOf } from './versionText';

/** A plain text shown read-only, one paragraph per line. */
export function TextParagraphs({ text, className = 'text-paragraphs' }: { text: string | null | undefined; className?: string }) {
  const paragraphs = paragraphsOf(text);
  return (
    <div className={className}>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}
