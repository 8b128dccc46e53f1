// Builders of Apps Script value objects: data validation, conditional format rules, embedded charts.
import { rectToA1 } from './a1';
import { counted } from './calls';
import type { FakeRange } from './spreadsheet';
import type { FakeWorld } from './world';

type G = typeof GoogleAppsScript.Spreadsheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type GChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

const describeRange = (range: GRange): string => {
  const fake = range as unknown as FakeRange;
  return `${fake.sheet.name}!${rectToA1(fake.rect)}`;
};

export class FakeDataValidation
  implements
    Pick<GDataValidation, 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'>
{
  readonly self: FakeDataValidation;
  constructor(
    world: FakeWorld,
    readonly criteria: string,
    readonly values: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {
    this.self = counted(this, world.calls, 'DataValidation');
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getCriteriaType(): Criteria {
    return this.criteria as unknown as Criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.values];
  }
  getHelpText(): string {
    return this.helpText;
  }
  _describe(): unknown {
    return {
      criteria: this.criteria,
      values: this.values,
      allowInvalid: this.allowInvalid,
      helpText: this.helpText,
    };
  }
}

export class FakeDataValidationBuilder
  implements
    Pick<
      GDataValidationBuilder,
      | 'build'
      | 'requireValueInList'
      | 'requireNumberGreaterThanOrEqualTo'
      | 'requireNumberBetween'
      | 'requireFormulaSatisfied'
      | 'requireTextIsEmail'
      | 'setAllowInvalid'
      | 'setHelpText'
    >
{
  readonly self: FakeDataValidationBuilder;
  private criteria = '';
  private values: unknown[] = [];
  private allowInvalid = true;
  private helpText = '';

  constructor(private readonly world: FakeWorld) {
    this.self = counted(this, world.calls, 'DataValidationBuilder');
  }
  private set(criteria: string, values: unknown[]): GDataValidationBuilder {
    this.criteria = criteria;
    this.values = values;
    return this.self as unknown as GDataValidationBuilder;
  }
  requireValueInList(values: string[], showDropdown = true): GDataValidationBuilder {
    return this.set('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): GDataValidationBuilder {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberBetween(start: number, end: number): GDataValidationBuilder {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireFormulaSatisfied(formula: string): GDataValidationBuilder {
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  requireTextIsEmail(): GDataValidationBuilder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  setAllowInvalid(allowInvalidData: boolean): GDataValidationBuilder {
    this.allowInvalid = allowInvalidData;
    return this.self as unknown as GDataValidationBuilder;
  }
  setHelpText(helpText: string): GDataValidationBuilder {
    this.helpText = helpText;
    return this.self as unknown as GDataValidationBuilder;
  }
  build(): GDataValidation {
    if (this.criteria === '')
      throw new Error('You must specify a criteria type for the data validation rule.');
    return new FakeDataValidation(this.world, this.criteria, this.values, this.allowInvalid, this.helpText)
      .self as unknown as GDataValidation;
  }
}

interface RuleState {
  condition: string;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: GRange[];
}

export class FakeConditionalFormatRule {
  readonly self: FakeConditionalFormatRule;
  constructor(
    private readonly world: FakeWorld,
    readonly state: RuleState,
  ) {
    this.self = counted(this, world.calls, 'ConditionalFormatRule');
  }
  getRanges(): GRange[] {
    return [...this.state.ranges];
  }
  _copyBuilt(): FakeConditionalFormatRule {
    return new FakeConditionalFormatRule(this.world, { ...this.state, ranges: [...this.state.ranges] }).self;
  }
  _describe(): unknown {
    const { ranges, ...rest } = this.state;
    return { ...rest, ranges: ranges.map(describeRange) };
  }
}

export class FakeConditionalFormatRuleBuilder
  implements
    Pick<
      GRuleBuilder,
      | 'build'
      | 'whenTextEqualTo'
      | 'whenFormulaSatisfied'
      | 'setBackground'
      | 'setFontColor'
      | 'setBold'
      | 'setRanges'
    >
{
  readonly self: FakeConditionalFormatRuleBuilder;
  private readonly state: RuleState = {
    condition: '',
    values: [],
    background: null,
    fontColor: null,
    bold: null,
    ranges: [],
  };

  constructor(private readonly world: FakeWorld) {
    this.self = counted(this, world.calls, 'ConditionalFormatRuleBuilder');
  }
  private get api(): GRuleBuilder {
    return this.self as unknown as GRuleBuilder;
  }
  whenTextEqualTo(text: string): GRuleBuilder {
    Object.assign(this.state, { condition: 'TEXT_EQ', values: [text] });
    return this.api;
  }
  whenFormulaSatisfied(formula: string): GRuleBuilder {
    Object.assign(this.state, { condition: 'CUSTOM_FORMULA', values: [formula] });
    return this.api;
  }
  setBackground(color: string | null): GRuleBuilder {
    this.state.background = color;
    return this.api;
  }
  setFontColor(color: string | null): GRuleBuilder {
    this.state.fontColor = color;
    return this.api;
  }
  setBold(bold: boolean | null): GRuleBuilder {
    this.state.bold = bold;
    return this.api;
  }
  setRanges(ranges: GRange[]): GRuleBuilder {
    this.state.ranges = [...ranges];
    return this.api;
  }
  build(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    if (this.state.condition === '') throw new Error('Conditional format rule must have a condition.');
    return new FakeConditionalFormatRule(this.world, { ...this.state, ranges: [...this.state.ranges] })
      .self as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
  }
}

interface ChartState {
  type: string;
  ranges: GRange[];
  options: Record<string, unknown>;
  position: [number, number, number, number];
  numHeaders: number;
  /** The Sheets API spec of a chart the Advanced Sheets service added or updated. */
  spec?: unknown;
}

export class FakeChart
  implements Pick<GoogleAppsScript.Spreadsheet.EmbeddedChart, 'getChartId' | 'getRanges' | 'modify'>
{
  readonly self: FakeChart;
  constructor(
    private readonly world: FakeWorld,
    readonly id: number | null,
    readonly state: ChartState,
  ) {
    this.self = counted(this, world.calls, 'EmbeddedChart');
  }
  getChartId(): number | null {
    return this.id;
  }
  getRanges(): GRange[] {
    return [...this.state.ranges];
  }
  modify(): GChartBuilder {
    return new FakeChartBuilder(this.world, this).self as unknown as GChartBuilder;
  }
  _withId(id: number): FakeChart {
    return new FakeChart(this.world, this.id ?? id, this.state);
  }
  _describe(): unknown {
    const { spec: _spec, ...state } = this.state;
    return { ...state, ranges: state.ranges.map(describeRange) };
  }
}

export class FakeChartBuilder
  implements
    Pick<
      GChartBuilder,
      | 'addRange'
      | 'clearRanges'
      | 'setChartType'
      | 'setOption'
      | 'setPosition'
      | 'setNumHeaders'
      | 'build'
      | 'asColumnChart'
      | 'asComboChart'
    >
{
  readonly self: FakeChartBuilder;
  private readonly state: ChartState;

  constructor(
    private readonly world: FakeWorld,
    private readonly source: FakeChart | null,
  ) {
    this.state = source
      ? { ...source.state, ranges: [...source.state.ranges], options: { ...source.state.options } }
      : { type: 'COLUMN', ranges: [], options: {}, position: [1, 1, 0, 0], numHeaders: -1 };
    this.self = counted(this, world.calls, 'EmbeddedChartBuilder');
  }
  private get api(): GChartBuilder {
    return this.self as unknown as GChartBuilder;
  }
  addRange(range: GRange): GChartBuilder {
    this.state.ranges.push(range);
    return this.api;
  }
  clearRanges(): GChartBuilder {
    this.state.ranges = [];
    return this.api;
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): GChartBuilder {
    this.state.type = String(type);
    return this.api;
  }
  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    this.state.type = 'COLUMN';
    return this.self as unknown as GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder;
  }
  asComboChart(): GoogleAppsScript.Spreadsheet.EmbeddedComboChartBuilder {
    this.state.type = 'COMBO';
    return this.self as unknown as GoogleAppsScript.Spreadsheet.EmbeddedComboChartBuilder;
  }
  setOption(option: string, value: unknown): GChartBuilder {
    this.state.options[option] = value;
    return this.api;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): GChartBuilder {
    this.state.position = [anchorRowPos, anchorColPos, offsetX, offsetY];
    return this.api;
  }
  setNumHeaders(headers: number): GChartBuilder {
    this.state.numHeaders = headers;
    return this.api;
  }
  build(): GoogleAppsScript.Spreadsheet.EmbeddedChart {
    if (this.state.ranges.length === 0) throw new Error('The chart has no data.');
    return new FakeChart(this.world, this.source?.id ?? null, {
      ...this.state,
      ranges: [...this.state.ranges],
    }).self as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart;
  }
}

export type SpreadsheetEnums = Pick<G, 'ProtectionType'>;
