import { sameValue, type DraftNode } from '@whathead/contracts';
import { useEffect, useEffectEvent, useRef } from 'react';
import { useForm, type FieldValues } from 'react-hook-form';
import { settingsResolver, shapeErrors, type SettingsSchema } from './settings-resolver';

/**
 * A node's settings as a react-hook-form form. Every change goes to `onChange` at once as the
 * whole node, so the page saves it; a setting whose value doesn't fit the saved shape yet (an
 * amount that isn't a number) keeps its last good value there until it does. Settings changed
 * from outside (undo, a bulk edit) replace the form's values.
 */
export function useSettingsForm<Node extends DraftNode>(
  node: Node,
  schema: SettingsSchema<Node['settings']>,
  onChange: (next: Node) => void,
) {
  const form = useForm<Node['settings'] & FieldValues>({
    defaultValues: node.settings as never,
    resolver: settingsResolver(schema as SettingsSchema<Node['settings'] & FieldValues>),
    mode: 'onChange',
  });
  const { subscribe, reset } = form;
  // The settings the page has, as last sent to it or received from it.
  const saved = useRef<Node['settings']>(node.settings);

  const send = useEffectEvent((values: FieldValues) => {
    const errors = shapeErrors(schema, values);
    const settings = Object.fromEntries(
      Object.keys(node.settings).map((field) => [
        field,
        errors[field] ? (saved.current as Record<string, unknown>)[field] : structuredClone(values[field]),
      ]),
    ) as Node['settings'];
    if (sameValue(settings, saved.current)) return;
    saved.current = settings;
    onChange({ ...node, settings });
  });

  useEffect(
    () => subscribe({ formState: { values: true }, callback: ({ values }) => send(values) }),
    [subscribe],
  );

  useEffect(() => {
    if (sameValue(node.settings, saved.current)) return;
    saved.current = node.settings;
    reset(node.settings as never);
  }, [node.settings, reset]);

  return form;
}
