import { editableFields, sameValue, type DraftIssue, type DraftNode } from '@whathead/contracts';
import { createContext, useContext } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import { fixedAfterPublishing } from './form-words';

/** The node a form edits, what the draft's rules say about it, and whether it may be changed. */
export interface NodeFormState {
  node: DraftNode;
  /** This node's issues from `validateDraft`. */
  issues: readonly DraftIssue[];
  readOnly: boolean;
}

export const NodeFormContext = createContext<NodeFormState | null>(null);

export function useNodeFormState(): NodeFormState {
  const state = useContext(NodeFormContext);
  if (!state) throw new Error('A setting field is used outside a node form.');
  return state;
}

export interface SettingState {
  /** What keeps the setting from being saved or published, in words. */
  error: string | undefined;
  /** A warning from the rules, or why the setting can't change. */
  note: string | undefined;
  disabled: boolean;
  /** Set when TikTok keeps the setting as created and the draft differs: puts TikTok's value back. */
  restore: (() => void) | undefined;
}

/** Whether TikTok lets the setting change on this node once it is published. */
export function isFixedSetting(node: DraftNode, name: string): boolean {
  return node.tiktokId !== null && !(editableFields[node.level] as readonly string[]).includes(name);
}

/**
 * One setting's state: an error of the value's shape (from the form's resolver) comes first, then
 * the draft's rules; a setting TikTok keeps as created is disabled on a published node, with the
 * way to put TikTok's value back should the draft have changed it anyway (before publishing).
 */
export function useSettingState(name: string): SettingState {
  const { node, issues, readOnly } = useNodeFormState();
  const { setValue, getValues } = useFormContext();
  const { errors } = useFormState({ name, exact: true });
  const shapeError = errors[name]?.message;
  const ruleError = issues.find((issue) => issue.field === name && issue.severity === 'error')?.message;
  const warning = issues.find((issue) => issue.field === name && issue.severity === 'warning')?.message;
  const fixed = isFixedSetting(node, name);
  const published = node.published as Record<string, unknown> | null;
  const differs = fixed && published !== null && !sameValue(getValues(name), published[name]);
  return {
    error: typeof shapeError === 'string' ? shapeError : ruleError,
    note: fixed ? fixedAfterPublishing : warning,
    disabled: readOnly || fixed,
    restore:
      differs && !readOnly
        ? () => setValue(name, published[name], { shouldValidate: true, shouldDirty: true })
        : undefined,
  };
}
