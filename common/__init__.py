"""Building blocks shared by the project's apps; imports no app code, so any app may use it without cycles."""
