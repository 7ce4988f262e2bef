export * from './themes';
export * from './blockers';
export * from './format';
export * from './stats';
export * from './territories';
export * from './roles';
