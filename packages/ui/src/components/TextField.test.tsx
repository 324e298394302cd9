import { render, screen } from '@testing-library/react';
import { SelectField } from './SelectField';
import { TextAreaField, TextField } from './TextField';

describe('TextField', () => {
  it('labels the input and links its hint', () => {
    render(<TextField label="Email" hint="We never share it" />);
    const input = screen.getByLabelText('Email');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input).toHaveAccessibleDescription('We never share it');
  });

  it('marks the input invalid and describes it with the error', () => {
    render(<TextField label="Email" error="Enter a valid email address" hint="Work email" />);
    const input = screen.getByLabelText('Email');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/Enter a valid email address/);
  });

  it('keeps a given id', () => {
    render(<TextAreaField id="notes" label="Notes" optional />);
    expect(screen.getByLabelText(/Notes/)).toHaveAttribute('id', 'notes');
    expect(screen.getByText('(optional)')).toBeInTheDocument();
  });
});

describe('SelectField', () => {
  it('renders its options and error', () => {
    render(
      <SelectField
        label="Role"
        error="Pick a role"
        options={[
          { value: 'OWNER', label: 'Owner' },
          { value: 'STAFF', label: 'Staff' },
        ]}
        defaultValue="STAFF"
      />,
    );
    const select = screen.getByLabelText('Role');
    expect(select).toHaveValue('STAFF');
    expect(select).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getAllByRole('option')).toHaveLength(2);
  });
});
