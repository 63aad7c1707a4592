import { useState } from 'react';
import { useController } from 'react-hook-form';
import { SettingShell } from './setting-field';

/**
 * The builder's setting controls, each bound to one setting of the form by name. Every control
 * is controlled by react-hook-form, so a value set from outside (undo, a bulk edit) shows at once.
 */

export interface Option<Value extends string = string> {
  value: Value;
  label: string;
  disabled?: boolean;
}

interface TextSettingProps {
  name: string;
  label: string;
  hint?: string;
  /** Shows "n/limit" under the field; TikTok's limit, which the rules also check. */
  limit?: number;
  type?: 'text' | 'url';
  placeholder?: string;
  multiline?: boolean;
}

export function TextSetting({
  name,
  label,
  hint,
  limit,
  type = 'text',
  placeholder,
  multiline,
}: TextSettingProps) {
  const { field } = useController({ name });
  const value = typeof field.value === 'string' ? field.value : '';
  const counter = limit === undefined ? undefined : `${[...value].length}/${limit}`;
  return (
    <SettingShell name={name} label={label} hint={hint} counter={counter}>
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            name={field.name}
            ref={field.ref}
            className="field__control builder-form__textarea"
            rows={3}
            value={value}
            placeholder={placeholder}
            onChange={(event) => field.onChange(event.target.value)}
            onBlur={field.onBlur}
          />
        ) : (
          <input
            {...control}
            name={field.name}
            ref={field.ref}
            type={type}
            className="field__control"
            value={value}
            placeholder={placeholder}
            autoComplete="off"
            onChange={(event) => field.onChange(event.target.value)}
            onBlur={field.onBlur}
          />
        )
      }
    </SettingShell>
  );
}

interface SelectSettingProps<Value extends string> {
  name: string;
  label: string;
  hint?: string;
  options: readonly Option<Value>[];
  /** The choice for null ("Choose…"); without it the setting always has a value. */
  emptyLabel?: string;
  /** After the value changed: for settings that follow this one (a goal's billing event). */
  onPicked?: (value: Value | null) => void;
}

export function SelectSetting<Value extends string>({
  name,
  label,
  hint,
  options,
  emptyLabel,
  onPicked,
}: SelectSettingProps<Value>) {
  const { field } = useController({ name });
  const value = typeof field.value === 'string' ? field.value : '';
  // A value the options no longer offer (the campaign's objective changed) stays shown as it is,
  // so the error under it names what is chosen instead of the select quietly showing another.
  const known = value === '' || options.some((option) => option.value === value);
  return (
    <SettingShell name={name} label={label} hint={hint}>
      {(control) => (
        <span className="select">
          <select
            {...control}
            name={field.name}
            ref={field.ref}
            className="field__control select__control"
            value={value}
            onChange={(event) => {
              const picked = event.target.value === '' ? null : (event.target.value as Value);
              field.onChange(picked);
              onPicked?.(picked);
            }}
            onBlur={field.onBlur}
          >
            {(emptyLabel !== undefined || value === '') && (
              <option value="">{emptyLabel ?? 'Choose…'}</option>
            )}
            {!known && <option value={value}>{value}</option>}
            {options.map((option) => (
              <option key={option.value} value={option.value} disabled={option.disabled}>
                {option.label}
              </option>
            ))}
          </select>
        </span>
      )}
    </SettingShell>
  );
}

/**
 * An amount as typed: "25", "25.50", "1,000". What is typed stays as typed while it reads as the
 * value held; anything else is held as NaN, which the settings' shape refuses in words.
 */
export function readAmount(text: string): number | null {
  const typed = text.replace(/\s/g, '');
  if (typed === '') return null;
  const decimal = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(typed) ? typed.replaceAll(',', '') : typed;
  return /^\d+(\.\d+)?$/.test(decimal) ? Number(decimal) : Number.NaN;
}

const sameAmount = (left: number | null, right: number | null) =>
  left === right || (Number.isNaN(left) && Number.isNaN(right));

export function AmountSetting({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const { field } = useController({ name });
  const value = typeof field.value === 'number' ? field.value : null;
  const [text, setText] = useState(value === null ? '' : String(value));
  const [shown, setShown] = useState(value);
  if (!sameAmount(shown, value)) {
    // Changed from outside (undo, a bulk edit): show the new amount.
    setShown(value);
    if (!sameAmount(readAmount(text), value)) setText(value === null ? '' : String(value));
  }
  return (
    <SettingShell name={name} label={label} hint={hint}>
      {(control) => (
        <input
          {...control}
          name={field.name}
          ref={field.ref}
          className="field__control builder-form__amount"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(event) => {
            const amount = readAmount(event.target.value);
            setText(event.target.value);
            setShown(amount);
            field.onChange(amount);
          }}
          onBlur={field.onBlur}
        />
      )}
    </SettingShell>
  );
}
