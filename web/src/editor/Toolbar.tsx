import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useEffect, useId, useRef, useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { insertSuggestion, normalizeHref, whenNotComposing } from './commands';
import { icons } from './icons';
import { EDITOR_TEST_IDS, toolbarTestId } from './testids';
import type { EditorText } from './useEditorText';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';
const SHIFT = isMac ? '⇧' : 'Shift';
const ALT = isMac ? '⌥' : 'Alt';

/** Keeps the editor's selection (and an input method's composition) when a button is pressed. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

interface ToolButtonProps {
  command: string;
  label: string;
  keys?: string;
  active?: boolean;
  disabled?: boolean;
  wide?: boolean;
  /** The whole toolbar is inactive (the text is still loading). */
  off: boolean;
  onRun: () => void;
  t: EditorText;
  children: ReactNode;
}

function ToolButton({ command, label, keys, active, disabled, wide, off, onRun, t, children }: ToolButtonProps) {
  const title = keys ? t('toolbar.shortcut', { label, keys }) : label;
  return (
    <button
      type="button"
      className={wide ? 'pe-tool pe-tool-wide' : 'pe-tool'}
      data-testid={toolbarTestId(command)}
      aria-label={wide ? undefined : label}
      aria-pressed={active === undefined ? undefined : active}
      title={title}
      disabled={off || disabled}
      onMouseDown={keepFocus}
      onClick={onRun}
    >
      {children}
    </button>
  );
}

/** Formatting toolbar of the proposal text (shown only to those who may edit it). */
interface ToolbarProps {
  editor: Editor;
  enabled: boolean;
  t: EditorText;
  /** Starts a comment thread on the selection (offered when given). */
  onComment?: () => void;
}

export function Toolbar({ editor, enabled, t, onComment }: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      strike: e.isActive('strike'),
      heading2: e.isActive('heading', { level: 2 }),
      heading3: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      suggestion: e.isActive('suggestion'),
      inTable: e.isActive('table'),
      selectionEmpty: e.state.selection.empty,
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);

  /** Toolbar commands never run in the middle of an input-method composition. */
  const run = (action: (e: Editor) => void) => () => whenNotComposing(editor, () => action(editor));

  return (
    <div className="pe-toolbar-wrap">
      <div className="pe-toolbar" role="toolbar" aria-label={t('toolbar.label')} data-testid={EDITOR_TEST_IDS.toolbar}>
        <div className="pe-tool-group">
          <ToolButton command="bold" label={t('toolbar.bold')} keys={`${MOD}+B`} active={state.bold} off={!enabled} t={t} onRun={run((e) => e.chain().focus().toggleBold().run())}>
            <span className="pe-glyph pe-glyph-bold">B</span>
          </ToolButton>
          <ToolButton command="italic" label={t('toolbar.italic')} keys={`${MOD}+I`} active={state.italic} off={!enabled} t={t} onRun={run((e) => e.chain().focus().toggleItalic().run())}>
            <span className="pe-glyph pe-glyph-italic">I</span>
          </ToolButton>
          <ToolButton
            command="strike"
            label={t('toolbar.strike')}
            keys={`${MOD}+${SHIFT}+S`}
            active={state.strike}
            off={!enabled}
            t={t}
            onRun={run((e) => e.chain().focus().toggleStrike().run())}
          >
            <span className="pe-glyph pe-glyph-strike">S</span>
          </ToolButton>
        </div>
        <div className="pe-tool-group">
          <ToolButton
            command="heading2"
            label={t('toolbar.heading2')}
            keys={`${MOD}+${ALT}+2`}
            active={state.heading2}
            off={!enabled}
            t={t}
            onRun={run((e) => e.chain().focus().toggleHeading({ level: 2 }).run())}
          >
            <span className="pe-glyph">H2</span>
          </ToolButton>
          <ToolButton
            command="heading3"
            label={t('toolbar.heading3')}
            keys={`${MOD}+${ALT}+3`}
            active={state.heading3}
            off={!enabled}
            t={t}
            onRun={run((e) => e.chain().focus().toggleHeading({ level: 3 }).run())}
          >
            <span className="pe-glyph">H3</span>
          </ToolButton>
        </div>
        <div className="pe-tool-group">
          <ToolButton
            command="bulletList"
            label={t('toolbar.bulletList')}
            keys={`${MOD}+${SHIFT}+8`}
            active={state.bulletList}
            off={!enabled}
            t={t}
            onRun={run((e) => e.chain().focus().toggleBulletList().run())}
          >
            {icons.bulletList}
          </ToolButton>
          <ToolButton
            command="orderedList"
            label={t('toolbar.orderedList')}
            keys={`${MOD}+${SHIFT}+7`}
            active={state.orderedList}
            off={!enabled}
            t={t}
            onRun={run((e) => e.chain().focus().toggleOrderedList().run())}
          >
            {icons.orderedList}
          </ToolButton>
          <ToolButton
            command="blockquote"
            label={t('toolbar.blockquote')}
            keys={`${MOD}+${SHIFT}+B`}
            active={state.blockquote}
            off={!enabled}
            t={t}
            onRun={run((e) => e.chain().focus().toggleBlockquote().run())}
          >
            {icons.blockquote}
          </ToolButton>
        </div>
        <div className="pe-tool-group">
          <ToolButton command="link" label={t('toolbar.link')} active={state.link || linkOpen} off={!enabled} t={t} onRun={() => setLinkOpen((open) => !open)}>
            {icons.link}
          </ToolButton>
          <ToolButton
            command="table"
            label={t('toolbar.table')}
            disabled={state.inTable}
            off={!enabled}
            t={t}
            onRun={run((e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run())}
          >
            {icons.table}
          </ToolButton>
          <ToolButton command="horizontalRule" label={t('toolbar.horizontalRule')} off={!enabled} t={t} onRun={run((e) => e.chain().focus().setHorizontalRule().run())}>
            {icons.horizontalRule}
          </ToolButton>
        </div>
        <div className="pe-tool-group">
          <ToolButton command="suggestion" label={t('toolbar.suggestionHint')} active={state.suggestion} wide off={!enabled} t={t} onRun={run((e) => insertSuggestion(e))}>
            {icons.suggestion}
            <span>{t('toolbar.suggestion')}</span>
          </ToolButton>
        </div>
        {onComment && (
          <div className="pe-tool-group">
            <ToolButton
              command="comment"
              label={t('toolbar.commentHint')}
              disabled={state.selectionEmpty}
              wide
              off={!enabled}
              t={t}
              onRun={() => whenNotComposing(editor, onComment)}
            >
              {icons.comment}
              <span>{t('toolbar.comment')}</span>
            </ToolButton>
          </div>
        )}
        <div className="pe-tool-group pe-tool-group-end">
          <ToolButton command="undo" label={t('toolbar.undo')} keys={`${MOD}+Z`} disabled={!state.canUndo} off={!enabled} t={t} onRun={run((e) => e.chain().focus().undo().run())}>
            {icons.undo}
          </ToolButton>
          <ToolButton
            command="redo"
            label={t('toolbar.redo')}
            keys={`${MOD}+${SHIFT}+Z`}
            disabled={!state.canRedo}
            off={!enabled}
            t={t}
            onRun={run((e) => e.chain().focus().redo().run())}
          >
            {icons.redo}
          </ToolButton>
        </div>
      </div>
      {linkOpen && <LinkForm editor={editor} t={t} onClose={() => setLinkOpen(false)} />}
    </div>
  );
}

/** Sets, changes or removes the link on the selection (or inserts the address as a link). */
function LinkForm({ editor, t, onClose }: { editor: Editor; t: EditorText; onClose: () => void }) {
  const inputId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [href, setHref] = useState(() => (editor.getAttributes('link').href as string | undefined) ?? '');
  const [invalid, setInvalid] = useState(false);
  const hasLink = editor.isActive('link');

  useEffect(() => input.current?.focus(), []);

  const close = () => {
    onClose();
    editor.commands.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalized = normalizeHref(href);
    if (!normalized) {
      setInvalid(true);
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !hasLink) {
      editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: href.trim(), marks: [{ type: 'link', attrs: { href: normalized } }] })
        .run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href: normalized }).run();
    }
    onClose();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <form
      className="pe-link-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.nativeEvent.isComposing) close();
      }}
    >
      <label htmlFor={inputId} className="pe-link-label">
        {t('link.address')}
      </label>
      <input
        ref={input}
        id={inputId}
        className="input input-compact pe-link-input"
        type="text"
        inputMode="url"
        autoComplete="url"
        placeholder={t('link.placeholder')}
        value={href}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(event) => {
          setHref(event.target.value);
          setInvalid(false);
        }}
      />
      <button type="submit" className="button button-primary button-small">
        {t('link.apply')}
      </button>
      {hasLink && (
        <button type="button" className="button button-small" onClick={remove}>
          {t('link.remove')}
        </button>
      )}
      <button type="button" className="button button-ghost button-small" onClick={close}>
        {t('link.cancel')}
      </button>
      {invalid && (
        <p id={errorId} className="field-error pe-link-error" role="alert">
          {t('link.invalid')}
        </p>
      )}
    </form>
  );
}
