export * from './customer';
export * from './enums';
export * from './health';
export * from './touchpoint';
export * from './validation';
export * from './workspace';
