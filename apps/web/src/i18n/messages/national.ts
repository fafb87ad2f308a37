/** Texts of the national pages. */
export const en = {
  placeholder: 'Coming soon',
};

export type Messages = typeof en;

export const fi: Messages = {
  placeholder: 'Tulossa',
};

export const sv: Messages = {
  placeholder: 'Kommer snart',
};
