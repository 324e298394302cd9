export { Alert, type AlertProps, type AlertTone, FormError } from './components/Alert';
export { Avatar, initials } from './components/Avatar';
export { Badge, type BadgeTone } from './components/Badge';
export {
  Button,
  type ButtonProps,
  type ButtonSize,
  type ButtonStyleOptions,
  type ButtonVariant,
  buttonClassName,
} from './components/Button';
export { Card, type CardProps } from './components/Card';
export { CheckboxField, type CheckboxFieldProps } from './components/CheckboxField';
export { CopyField, type CopyFieldProps } from './components/CopyField';
export { FieldError, type FieldMessages, useFieldIds } from './components/Field';
export { HealthBadge, type HealthBadgeProps } from './components/HealthBadge';
export { HealthCard, type HealthCardProps, type HealthFactorView } from './components/HealthCard';
export {
  describeTrend,
  HEALTH_BAND_LABELS,
  type HealthBandName,
  healthBandModifier,
  signedPoints,
} from './components/health';
export { PageHeader, type PageHeaderProps } from './components/PageHeader';
export { SelectField, type SelectFieldProps, type SelectOption } from './components/SelectField';
export { Spinner } from './components/Spinner';
export {
  EmptyState,
  type EmptyStateProps,
  ErrorState,
  type ErrorStateProps,
  LoadingState,
} from './components/States';
export { TagInput, type TagInputProps } from './components/TagInput';
export { TagList, type TagListProps } from './components/TagList';
export {
  TextAreaField,
  type TextAreaFieldProps,
  TextField,
  type TextFieldProps,
} from './components/TextField';
export { cx } from './cx';
