/** The language button's look, shared by the stand-in (LanguageMenu) and the real trigger. */
export const LANGUAGE_BUTTON_STYLES = `
  .cv-language-button {
    min-width: 0;
  }

  @media (max-width: 599.98px) {
    .cv-language-button__name {
      display: none;
    }

    .cv-language-button mat-icon {
      margin: 0;
    }
  }
`;
