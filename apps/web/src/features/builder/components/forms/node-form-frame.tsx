import type { DraftIssue } from '@whathead/contracts';
import type { ReactNode } from 'react';
import { FormProvider, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { NodeFormContext, type NodeFormState } from './setting-state';
import './node-form.css';

interface NodeFormFrameProps<Values extends FieldValues> {
  title: string;
  form: UseFormReturn<Values>;
  state: NodeFormState;
  children: ReactNode;
}

/**
 * The form around a node's settings: what the rules say about the node as a whole (its place in
 * the tree), and the context every setting control reads. The panel around it gives the heading;
 * `title` names the form for assistive technology.
 */
export function NodeFormFrame<Values extends FieldValues>({
  title,
  form,
  state,
  children,
}: NodeFormFrameProps<Values>) {
  const placeIssues = state.issues.filter((issue) => issue.field === null);
  return (
    <FormProvider {...form}>
      <NodeFormContext value={state}>
        <form
          className="builder-form"
          aria-label={title}
          noValidate
          onSubmit={(event) => event.preventDefault()}
        >
          {placeIssues.length > 0 && <NodeIssues issues={placeIssues} />}
          {children}
        </form>
      </NodeFormContext>
    </FormProvider>
  );
}

function NodeIssues({ issues }: { issues: readonly DraftIssue[] }) {
  return (
    <ul className="builder-form__issues">
      {issues.map((issue, index) => (
        <li key={index} className={issue.severity === 'error' ? 'field__error' : 'field__hint'}>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

/** A titled part of a long form. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="builder-form__section" aria-label={title}>
      <h3 className="builder-form__section-title">{title}</h3>
      {children}
    </section>
  );
}
