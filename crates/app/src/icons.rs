//! Small inline SVG icons. Emoji would depend on the computer's fonts (many school Linux images
//! have no emoji font and show empty boxes); these are drawn by the page itself.

use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Icon {
    Logo,
    Projector,
    Check,
    Cross,
    Bulb,
    Eye,
    Arrow,
    Play,
    Pause,
    Restart,
    Save,
    Open,
    Print,
    Download,
    Book,
    Think,
    Star,
    Search,
    Medal,
    Dice,
    Hand,
    Bolt,
    Camera,
    Snow,
    Fire,
    Bricks,
    Alarm,
    Ball,
    Domino,
}

/// The icon, decorative (hidden from screen readers: the text next to it says it all).
pub fn icon(which: Icon) -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" data-icon={format!("{which:?}").to_lowercase()}>
            { shape(which) }
        </svg>
    }
}

fn shape(which: Icon) -> Html {
    match which {
        Icon::Logo => html! { <>
            <rect x="4" y="7" width="16" height="12" rx="3" fill="currentColor" />
            <line x1="12" y1="3" x2="12" y2="7" stroke="currentColor" stroke-width="2" />
            <circle cx="12" cy="3" r="1.6" fill="currentColor" />
            <circle cx="9" cy="12" r="1.8" fill="#fff" /><circle cx="15" cy="12" r="1.8" fill="#fff" />
            <rect x="9" y="15.5" width="6" height="1.6" rx=".8" fill="#fff" />
        </> },
        Icon::Projector => html! { <>
            <rect x="2" y="8" width="20" height="9" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
            <circle cx="8" cy="12.5" r="2.5" fill="none" stroke="currentColor" stroke-width="2" />
            <line x1="14" y1="11" x2="19" y2="11" stroke="currentColor" stroke-width="2" />
            <line x1="6" y1="17" x2="5" y2="20" stroke="currentColor" stroke-width="2" />
            <line x1="18" y1="17" x2="19" y2="20" stroke="currentColor" stroke-width="2" />
        </> },
        Icon::Check => {
            html! { <path d="M4 12.5l5 5L20 6.5" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" /> }
        }
        Icon::Cross => {
            html! { <path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" /> }
        }
        Icon::Bulb => html! { <>
            <path d="M12 3a6 6 0 0 0-3.5 10.9V16h7v-2.1A6 6 0 0 0 12 3z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
            <line x1="9" y1="19" x2="15" y2="19" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
            <line x1="10" y1="22" x2="14" y2="22" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </> },
        Icon::Eye => html! { <>
            <path d="M2 12s3.6-6.5 10-6.5S22 12 22 12s-3.6 6.5-10 6.5S2 12 2 12z" fill="none" stroke="currentColor" stroke-width="2" />
            <circle cx="12" cy="12" r="3" fill="currentColor" />
        </> },
        Icon::Arrow => {
            html! { <path d="M4 12h14M13 6l6 6-6 6" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" /> }
        }
        Icon::Play => html! { <path d="M7 4.5v15l13-7.5z" fill="currentColor" /> },
        Icon::Pause => {
            html! { <><rect x="6" y="4.5" width="4" height="15" rx="1" fill="currentColor" /><rect x="14" y="4.5" width="4" height="15" rx="1" fill="currentColor" /></> }
        }
        Icon::Restart => {
            html! { <path d="M5 12a7 7 0 1 0 2.1-5M5 3.5V8h4.5" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" /> }
        }
        Icon::Save => html! { <>
            <path d="M4 4h13l3 3v13H4z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
            <rect x="8" y="4" width="8" height="5" fill="currentColor" /><rect x="7" y="13" width="10" height="7" fill="none" stroke="currentColor" stroke-width="2" />
        </> },
        Icon::Open => {
            html! { <path d="M3 6h7l2 2h9v11H3z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" /> }
        }
        Icon::Print => html! { <>
            <rect x="6" y="3" width="12" height="6" fill="none" stroke="currentColor" stroke-width="2" />
            <rect x="3" y="9" width="18" height="8" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
            <rect x="7" y="14" width="10" height="7" fill="#fff" stroke="currentColor" stroke-width="2" />
        </> },
        Icon::Download => {
            html! { <path d="M12 3v12M7 10l5 5 5-5M4 20h16" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" /> }
        }
        _ => more_shapes(which),
    }
}

/// The other half of the icons (one long match reads badly).
fn more_shapes(which: Icon) -> Html {
    match which {
        Icon::Book => {
            html! { <path d="M3 5c3-1.5 6-1.5 9 0 3-1.5 6-1.5 9 0v14c-3-1.5-6-1.5-9 0-3-1.5-6-1.5-9 0zM12 5v14" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" /> }
        }
        Icon::Think => html! { <>
            <path d="M4 11a7 6 0 1 1 4.5 5.6L5 19l.9-3.6A6 6 0 0 1 4 11z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
            <circle cx="8.5" cy="11" r="1.2" fill="currentColor" /><circle cx="12" cy="11" r="1.2" fill="currentColor" /><circle cx="15.5" cy="11" r="1.2" fill="currentColor" />
        </> },
        Icon::Star => {
            html! { <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" fill="currentColor" /> }
        }
        Icon::Search => {
            html! { <><circle cx="10" cy="10" r="6" fill="none" stroke="currentColor" stroke-width="2.5" /><line x1="14.5" y1="14.5" x2="20" y2="20" stroke="currentColor" stroke-width="3" stroke-linecap="round" /></> }
        }
        Icon::Medal => html! { <>
            <path d="M8 2h3l1 5-3 1zM16 2h-3l-1 5 3 1z" fill="currentColor" />
            <circle cx="12" cy="15" r="6.5" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="M12 11.5l1.1 2.3 2.4.3-1.8 1.6.5 2.4-2.2-1.2-2.2 1.2.5-2.4-1.8-1.6 2.4-.3z" fill="currentColor" />
        </> },
        Icon::Dice => html! { <>
            <rect x="3.5" y="3.5" width="17" height="17" rx="3.5" fill="none" stroke="currentColor" stroke-width="2" />
            <circle cx="8.5" cy="8.5" r="1.6" fill="currentColor" /><circle cx="15.5" cy="15.5" r="1.6" fill="currentColor" /><circle cx="12" cy="12" r="1.6" fill="currentColor" />
        </> },
        Icon::Hand => {
            html! { <path d="M8 13V5.5a1.5 1.5 0 0 1 3 0V11 4a1.5 1.5 0 0 1 3 0v7-5.5a1.5 1.5 0 0 1 3 0V15a6 6 0 0 1-6 6h-1a6 6 0 0 1-5-2.7L3.6 14.6a1.5 1.5 0 0 1 2.4-1.8z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" /> }
        }
        Icon::Bolt => html! { <path d="M13 2L4 14h7l-1 8 9-12h-7z" fill="currentColor" /> },
        Icon::Camera => html! { <>
            <path d="M3 8h4l2-3h6l2 3h4v11H3z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
            <circle cx="12" cy="13" r="3.5" fill="none" stroke="currentColor" stroke-width="2" />
        </> },
        Icon::Snow => {
            html! { <path d="M12 2v20M3.3 7l17.4 10M3.3 17L20.7 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" /> }
        }
        Icon::Fire => {
            html! { <path d="M12 22a7 7 0 0 0 7-7c0-4-3-6.5-4.5-10-1 3-2.5 4-4 3.5C9.5 6.5 9.5 4.5 10 2.5 6.5 5 5 9.5 5 15a7 7 0 0 0 7 7z" fill="currentColor" /> }
        }
        Icon::Bricks => html! { <>
            <rect x="2" y="13" width="9" height="7" rx="1" fill="currentColor" /><rect x="13" y="13" width="9" height="7" rx="1" fill="currentColor" />
            <rect x="7.5" y="4" width="9" height="7" rx="1" fill="currentColor" />
        </> },
        Icon::Alarm => html! { <>
            <circle cx="12" cy="13" r="7.5" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="M12 9v4l3 2M4 5l3-2.5M20 5l-3-2.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </> },
        Icon::Ball => html! { <>
            <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="M3 12h18M12 3v18M5.6 5.6c3.5 3.5 3.5 9.3 0 12.8M18.4 5.6c-3.5 3.5-3.5 9.3 0 12.8" fill="none" stroke="currentColor" stroke-width="1.5" />
        </> },
        Icon::Domino => html! { <>
            <rect x="7" y="2" width="10" height="20" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
            <line x1="7" y1="12" x2="17" y2="12" stroke="currentColor" stroke-width="2" />
            <circle cx="12" cy="7" r="1.6" fill="currentColor" /><circle cx="10" cy="15.5" r="1.4" fill="currentColor" /><circle cx="14" cy="18.5" r="1.4" fill="currentColor" />
        </> },
        _ => html! {},
    }
}
