"""Reading an admin form's inline formsets, for the page form and the site settings form alike."""


def kept_in_formset(formset, field_name: str) -> list:
    """The values of ``field_name`` in the rows an inline formset will keep."""
    return [
        form.cleaned_data[field_name]
        for form in formset.forms
        if form.is_valid() and form.cleaned_data.get(field_name) and not form.cleaned_data.get("DELETE")
    ]
