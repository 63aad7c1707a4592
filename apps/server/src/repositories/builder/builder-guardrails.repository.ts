import type { Database, Kysely, Tables } from '@whathead/db';

export interface GuardrailValues {
  maxAdGroupDailyBudget: number | null;
  maxBudgetIncreasePercent: number | null;
}

const amount = (value: string | null) => (value === null ? null : Number(value));

/** The workspace's builder guardrails (`builder_guardrails`, migration 0019): one row or none. */
export class BuilderGuardrailsRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /** The workspace's limits; both null (no limit) for a workspace that never set any. */
  async find(workspaceId: string): Promise<GuardrailValues> {
    const row = await this.#db
      .selectFrom('builder_guardrails')
      .select(['max_adgroup_daily_budget', 'max_budget_increase_percent'])
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return {
      maxAdGroupDailyBudget: amount(row?.max_adgroup_daily_budget ?? null),
      maxBudgetIncreasePercent: amount(row?.max_budget_increase_percent ?? null),
    };
  }

  async save(workspaceId: string, values: GuardrailValues, userId: string, now: Date): Promise<void> {
    const columns = {
      max_adgroup_daily_budget: values.maxAdGroupDailyBudget,
      max_budget_increase_percent: values.maxBudgetIncreasePercent,
      updated_by: userId,
      updated_at: now,
    };
    await this.#db
      .insertInto('builder_guardrails')
      .values({ workspace_id: workspaceId, ...columns })
      .onConflict((conflict) => conflict.column('workspace_id').doUpdateSet(columns))
      .execute();
  }
}
