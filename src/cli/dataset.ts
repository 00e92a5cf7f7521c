// Opening the dataset a command works on: --dataset, else $CORRIDOR_DATASET, else the embedded default dataset.
import { loadDataset } from '../data/read.ts';
import type { Model } from '../model/model.ts';
import { datasetDir } from './common.ts';

export function openDataset(options: { dataset?: string }): Model {
  return loadDataset(datasetDir(options));
}
