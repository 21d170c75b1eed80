/**
 * A customer's name as a person reads it, in SQL: the full name, else the given and family names joined
 * (Salesforce, HubSpot and Dynamics exports carry only those two), else ''.
 */
export const customerLabelSql = (alias: string): string =>
  `trim(coalesce(${alias}.full_name, trim(coalesce(${alias}.given_name, '') || ' ' || coalesce(${alias}.family_name, '')), ''))`;
