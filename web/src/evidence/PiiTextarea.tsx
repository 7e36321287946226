import { forwardRef, useImperativeHandle, useLayoutEffect, useRef, type TextareaHTMLAttributes } from 'react';
import { segments, type Highlight } from './PiiText';

interface PiiTextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  highlights: readonly Highlight[];
}

/**
 * A textarea whose personal data is highlighted as one types: a backdrop with the same text and
 * metrics sits behind the (transparent) textarea and draws a mark under each finding. The textarea
 * grows with its content, so the two never scroll apart. Typing, selection and input methods are
 * the textarea's own; the backdrop is hidden from assistive technology (findings are listed
 * separately).
 */
export const PiiTextarea = forwardRef<HTMLTextAreaElement, PiiTextareaProps>(function PiiTextarea({ value, onChange, highlights, className, ...textarea }, ref) {
  const inner = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => inner.current as HTMLTextAreaElement);

  // Grow to fit the text (no inner scrollbar, which would also change where lines wrap).
  useLayoutEffect(() => {
    const element = inner.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight + 2}px`;
  }, [value]);

  return (
    <div className="pii-editor">
      <div className={`${className ?? ''} pii-backdrop`} aria-hidden="true">
        {segments(value, highlights).map((part, index) =>
          'highlight' in part ? (
            <mark key={index} className={`pii-under pii-${part.highlight.kind}`}>
              {part.text}
            </mark>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
        {/* A trailing line break needs something after it to take up its line. */}
        {'\u200b'}
      </div>
      <textarea {...textarea} ref={inner} className={`${className ?? ''} pii-textarea`} value={value} onChange={(event) => onChange(event.target.value)} spellCheck={false} />
    </div>
  );
});
