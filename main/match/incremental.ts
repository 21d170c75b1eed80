export interface ExistingEntities { x: number }
export function matchIncremental(): void {}
