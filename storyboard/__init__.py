"""Briefing storyboards: an ordered list of steps (date or before/after, region, highlighted states,
callouts, title, subtitle, speaker notes) that the page presents and the exports hand out."""
