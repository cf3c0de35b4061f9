package io.github.pictory4j.images.client.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one limiter: turns up to the limit, the rest wait in order, an ended task passes its turn on. */
class TurnsTest {

    private final Runnable a = () -> { };
    private final Runnable b = () -> { };
    private final Runnable c = () -> { };

    @Test
    void upToTheLimitTakeATurnAndTheRestWaitInOrder() {
        Turns turns = new Turns(1);

        assertTrue(turns.take(a));
        assertFalse(turns.take(b));
        assertFalse(turns.take(c));
        assertEquals(new Turns.Load(1, 2), turns.load());

        assertSame(b, turns.next(), "a's turn passes to b");
        assertSame(c, turns.next());
        assertNull(turns.next(), "none waits: the turn is given back");
        assertEquals(new Turns.Load(0, 0), turns.load());
    }

    @Test
    void aTaskBackFromAWaitPastTheLimitGivesItsTurnBackInsteadOfPassingItOn() {
        Turns turns = new Turns(1);
        turns.take(a);
        assertNull(turns.next(), "a waits and lends its turn; none waits to take it");
        assertTrue(turns.take(b), "b takes the free turn");
        assertFalse(turns.take(c));

        turns.takeBack(); // a is back: two hold a turn for a moment
        assertNull(turns.next(), "over the limit: the turn is given back, c still waits");
        assertEquals(new Turns.Load(1, 1), turns.load());
    }

    @Test
    void aTurnWhoseTaskCouldNotStartIsGivenBack() {
        Turns turns = new Turns(2);
        turns.take(a);
        turns.giveBack();

        assertEquals(new Turns.Load(0, 0), turns.load());
    }

    @Test
    void theLimitIsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new Turns(0));
    }
}
