export * from '@/features/workflow/rules/transitions'
