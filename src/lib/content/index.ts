// Every source Factdeck ships with, in the order the home page lists them.
import type { FactBase } from '../domain/fact-base';
import { xiMoscow } from './xi-moscow-2023-03-21';

export const factBases: readonly FactBase[] = [xiMoscow];
