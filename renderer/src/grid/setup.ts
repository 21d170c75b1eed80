import {
  CellStyleModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  NumberFilterModule,
  RowSelectionModule,
  RowStyleModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
} from 'ag-grid-community';

/** Community modules only, registered explicitly: nothing Enterprise slips in. */
ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  TextFilterModule,
  NumberFilterModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  RowSelectionModule,
  RowStyleModule,
  CellStyleModule,
  TooltipModule,
  // localeText (the grid's own words in Chinese) is ignored, with console error #200, without it.
  LocaleModule,
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]);
