import type { Handlers } from '../../shared/contract.ts';
import type { CustomerFieldKey } from '../../shared/domain/fields.ts';
import { AppError } from '../../shared/errors.ts';
import { writeBatch, type CellValue } from '../store/change-writer.ts';
import type { ServiceContext } from './service-context.ts';
import { checkValue } from './value-check.ts';

/**
 * A typed value as stored: blank is no value; the income column keeps a
 * plain number as a number (as import does), everything else as typed.
 */
function storedValue(field: CustomerFieldKey, value: CellValue): CellValue {
  if (value === null) return null;
  if (typeof value === 'number') return value;
  if (value.trim() === '') return null;
  if (field === 'income' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return value;
}

/** Whose record it was, as the grid names it, kept with the batch so History can say so in any language. */
function customerLabel(c: Record<string, unknown>): string {
  const full = typeof c.full_name === 'string' ? c.full_name.trim() : '';
  return full || [c.given_name, c.family_name].filter((v) => typeof v === 'string' && v.trim()).join(' ');
}

export function editHandlers(ctx: ServiceContext): Pick<Handlers, 'customers:update' | 'customers:check-value'> {
  return {
    'customers:update': async ({ id, field, value, expectBefore }) => {
      ctx.assertCanWrite();
      const { db, customers } = ctx.project();
      if (field === 'source_record_id') throw new AppError('invalid_input', "A record's id in its source cannot be changed.");
      const after = storedValue(field as CustomerFieldKey, value);
      const result = writeBatch(
        db,
        { kind: 'edit', actor: 'steward', description: `Edited ${field} of customer ${id}`, params: { field, customer: id, label: customerLabel(customers.customer(id)) } },
        [{ customerId: id, field: field as CustomerFieldKey, after, reason: 'manual', expectBefore }],
      );
      if (result.batchId !== null) ctx.changed();
      return { batchId: result.batchId, customer: customers.customer(id), stale: result.stale > 0 };
    },
    'customers:check-value': async ({ id, field, value }) => checkValue(ctx.project().db, ctx.sourceContexts(), id, field as CustomerFieldKey, value),
  };
}
