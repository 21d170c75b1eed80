/**
 * The customer information model from the source documents: basic details,
 * transactions and needs. Every mappable target field is declared once here;
 * the store's columns, the import mapper, the grid and the detail panel all
 * read this list, so adding a field is one line.
 */

export type Entity = 'customer' | 'transaction' | 'need';

/** How a field's value is stored: text as given, or a number when it parses cleanly. */
export type FieldKind = 'text' | 'number' | 'date';

export interface FieldDef {
  /** Column name in the store and key in the contract. */
  key: string;
  entity: Entity;
  kind: FieldKind;
  /** i18n key of the label shown to people. */
  label: string;
}

export const customerFields = [
  { key: 'source_record_id', entity: 'customer', kind: 'text', label: 'field.source_record_id' },
  { key: 'full_name', entity: 'customer', kind: 'text', label: 'field.full_name' },
  { key: 'given_name', entity: 'customer', kind: 'text', label: 'field.given_name' },
  { key: 'family_name', entity: 'customer', kind: 'text', label: 'field.family_name' },
  { key: 'gender', entity: 'customer', kind: 'text', label: 'field.gender' },
  { key: 'birth_date', entity: 'customer', kind: 'date', label: 'field.birth_date' },
  { key: 'email', entity: 'customer', kind: 'text', label: 'field.email' },
  { key: 'phone', entity: 'customer', kind: 'text', label: 'field.phone' },
  { key: 'mobile', entity: 'customer', kind: 'text', label: 'field.mobile' },
  { key: 'company', entity: 'customer', kind: 'text', label: 'field.company' },
  { key: 'street', entity: 'customer', kind: 'text', label: 'field.street' },
  { key: 'city', entity: 'customer', kind: 'text', label: 'field.city' },
  { key: 'region', entity: 'customer', kind: 'text', label: 'field.region' },
  { key: 'postcode', entity: 'customer', kind: 'text', label: 'field.postcode' },
  { key: 'country', entity: 'customer', kind: 'text', label: 'field.country' },
  { key: 'income', entity: 'customer', kind: 'number', label: 'field.income' },
  { key: 'income_currency', entity: 'customer', kind: 'text', label: 'field.income_currency' },
  { key: 'created_at', entity: 'customer', kind: 'date', label: 'field.created_at' },
  { key: 'updated_at', entity: 'customer', kind: 'date', label: 'field.updated_at' },
] as const satisfies readonly FieldDef[];

/** A transaction row refers to its customer by the customer's record id in the same project. */
export const transactionFields = [
  { key: 'customer_ref', entity: 'transaction', kind: 'text', label: 'field.customer_ref' },
  { key: 'txn_date', entity: 'transaction', kind: 'date', label: 'field.txn_date' },
  { key: 'amount', entity: 'transaction', kind: 'number', label: 'field.amount' },
  { key: 'currency', entity: 'transaction', kind: 'text', label: 'field.currency' },
  { key: 'txn_kind', entity: 'transaction', kind: 'text', label: 'field.txn_kind' },
  { key: 'product', entity: 'transaction', kind: 'text', label: 'field.product' },
] as const satisfies readonly FieldDef[];

export const needFields = [
  { key: 'need_customer_ref', entity: 'need', kind: 'text', label: 'field.customer_ref' },
  { key: 'need_kind', entity: 'need', kind: 'text', label: 'field.need_kind' },
  { key: 'need_description', entity: 'need', kind: 'text', label: 'field.need_description' },
  { key: 'need_date', entity: 'need', kind: 'date', label: 'field.need_date' },
] as const satisfies readonly FieldDef[];

export type CustomerFieldKey = (typeof customerFields)[number]['key'];
export type TransactionFieldKey = (typeof transactionFields)[number]['key'];
export type NeedFieldKey = (typeof needFields)[number]['key'];
export type TargetField = CustomerFieldKey | TransactionFieldKey | NeedFieldKey;

export const allFields: readonly FieldDef[] = [...customerFields, ...transactionFields, ...needFields];
export const customerFieldKeys = customerFields.map((f) => f.key) as CustomerFieldKey[];
export const targetFieldKeys = allFields.map((f) => f.key) as [TargetField, ...TargetField[]];

export function fieldDef(key: string): FieldDef | undefined {
  return allFields.find((f) => f.key === key);
}

/** A mapped customer as stored: every field is text as imported, numbers where they parsed. */
export type CustomerValues = { [K in CustomerFieldKey]: string | number | null };
