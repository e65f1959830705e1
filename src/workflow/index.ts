export * from './transitions'
